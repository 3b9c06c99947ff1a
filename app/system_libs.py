"""Check, before the desktop program starts on Linux, that the system libraries Qt's xcb platform
plugin needs are installed, and install the missing ones where that is possible (Debian or Ubuntu,
as root or with sudo); otherwise print the one command that installs them. ``make run`` calls it.

Without them Qt stops with "no Qt platform plugin could be initialized", which tells a new user
nothing about what to install."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable

# Shared library (as ldconfig names it) → the Debian/Ubuntu package that provides it.
NEEDED = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}


# With ``--tests`` (``make test``): the programs the suite's real-window tests run, program → package.
TEST_TOOLS = {"xvfb-run": "xvfb", "xauth": "xauth"}


def missing_packages(ldconfig_output: str, *, tests: bool = False,
                     have: Callable[[str], bool] = lambda program: shutil.which(program) is not None) -> list[str]:
    """The packages whose libraries do not appear in ``ldconfig -p`` output (and with ``tests`` the
    packages of the test programs not on the path), in a stable order."""
    packages = {package for library, package in NEEDED.items() if library not in ldconfig_output}
    if tests:
        packages |= {package for program, package in TEST_TOOLS.items() if not have(program)}
    return sorted(packages)


def install_command(packages: list[str], *, root: bool, have_sudo: bool) -> list[str] | None:
    """The apt-get command that installs ``packages`` here, or None when it cannot run unattended."""
    if not packages or shutil.which("apt-get") is None:
        return None
    command = ["apt-get", "install", "-y", "--no-install-recommends", *packages]
    if root:
        return command
    return ["sudo", "-n", *command] if have_sudo else None


def main(argv: list[str] | None = None) -> int:
    """Exit 0 when the desktop program can start (or nothing can be checked here), 1 otherwise. With
    ``--tests``, also the programs the test suite runs real windows with (a virtual X server)."""
    tests = "--tests" in (sys.argv[1:] if argv is None else argv)
    if not sys.platform.startswith("linux") or (
            not tests and os.environ.get("QT_QPA_PLATFORM", "") in ("offscreen", "minimal")):
        return 0
    if shutil.which("ldconfig") is None and not os.path.exists("/sbin/ldconfig"):
        return 0
    listing = subprocess.run([shutil.which("ldconfig") or "/sbin/ldconfig", "-p"], capture_output=True, text=True,
                             check=False).stdout
    packages = missing_packages(listing, tests=tests)
    if not packages:
        return 0
    root = hasattr(os, "geteuid") and os.geteuid() == 0
    sudo_ok = not root and shutil.which("sudo") is not None and subprocess.run(
        ["sudo", "-n", "true"], capture_output=True, check=False).returncode == 0
    command = install_command(packages, root=root, have_sudo=sudo_ok)
    manual = "sudo apt-get install " + " ".join(packages)
    if command is None:
        print(f"The desktop program{' and its tests need' if tests else ' needs'} these system packages: "
              f"{' '.join(packages)}.\n"
              f"Install them with:  {manual}", file=sys.stderr)
        return 1
    print(f"Installing the system packages the desktop program{' and its tests' if tests else ''} need: "
          f"{' '.join(packages)}", flush=True)
    prefix = command[: command.index("apt-get")]
    subprocess.run([*prefix, "apt-get", "update", "-qq"], check=False)
    if subprocess.run(command, check=False).returncode != 0:
        print(f"Could not install them. Install them with:  {manual}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
