"""`make run` checks the system libraries Qt's window needs before starting the desktop program."""

from __future__ import annotations

from app import system_libs

LISTING_WITHOUT_TWO = "\n".join(
    f"\t{library} (libc6,x86-64) => /usr/lib/x86_64-linux-gnu/{library}" for library in system_libs.NEEDED
    if library not in ("libxcb-icccm.so.4", "libxcb-keysyms.so.1"))


def test_the_libraries_missing_from_ldconfig_name_their_packages():
    assert system_libs.missing_packages(LISTING_WITHOUT_TWO) == ["libxcb-icccm4", "libxcb-keysyms1"]
    assert system_libs.missing_packages(LISTING_WITHOUT_TWO + "\n libxcb-icccm.so.4\n libxcb-keysyms.so.1") == []


def test_root_installs_directly_a_sudoer_through_sudo_and_anyone_else_is_told_the_command(monkeypatch):
    monkeypatch.setattr(system_libs.shutil, "which", lambda name: f"/usr/bin/{name}")
    packages = ["libxcb-icccm4"]
    assert system_libs.install_command(packages, root=True, have_sudo=False)[:2] == ["apt-get", "install"]
    assert system_libs.install_command(packages, root=False, have_sudo=True)[:3] == ["sudo", "-n", "apt-get"]
    assert system_libs.install_command(packages, root=False, have_sudo=False) is None
    assert system_libs.install_command([], root=True, have_sudo=False) is None


def test_for_the_tests_the_virtual_x_server_programs_are_needed_too():
    everything = LISTING_WITHOUT_TWO + "\n libxcb-icccm.so.4\n libxcb-keysyms.so.1"
    assert system_libs.missing_packages(everything, tests=True, have=lambda program: program != "xvfb-run") == ["xvfb"]
    assert system_libs.missing_packages(everything, tests=True, have=lambda program: True) == []
    assert system_libs.missing_packages(everything, have=lambda program: False) == []
