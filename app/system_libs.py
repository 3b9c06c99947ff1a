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


def missing_packages(ldconfig_output: str) -> list[str]:
    """The packages whose libraries do not appear in ``ldconfig -p`` output, in a stable order."""
    return sorted({package for library, package in NEEDED.items() if library not in ldconfig_output})


def install_command(packages: list[str], *, root: bool, have_sudo: bool) -> list[str] | None:
    """The apt-get command that installs ``packages`` here, or None when it cannot run unattended."""
    if not packages or shutil.which("apt-get") is None:
        return None
    command = ["apt-get", "install", "-y", "--no-install-recommends", *packages]
    if root:
        return command
    return ["sudo", "-n", *command] if have_sudo else None


def main() -> int:
    """Exit 0 when the desktop program can start (or nothing can be checked here), 1 otherwise."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM", "") in ("offscreen", "minimal"):
        return 0
    if shutil.which("ldconfig") is None and not os.path.exists("/sbin/ldconfig"):
        return 0
    listing = subprocess.run([shutil.which("ldconfig") or "/sbin/ldconfig", "-p"], capture_output=True, text=True,
                             check=False).stdout
    packages = missing_packages(listing)
    if not packages:
        return 0
    root = hasattr(os, "geteuid") and os.geteuid() == 0
    sudo_ok = not root and shutil.which("sudo") is not None and subprocess.run(
        ["sudo", "-n", "true"], capture_output=True, check=False).returncode == 0
    command = install_command(packages, root=root, have_sudo=sudo_ok)
    manual = "sudo apt-get install " + " ".join(packages)
    if command is None:
        print(f"The desktop program needs these system libraries for its window: {' '.join(packages)}.\n"
              f"Install them with:  {manual}", file=sys.stderr)
        return 1
    print(f"Installing the system libraries the desktop program's window needs: {' '.join(packages)}", flush=True)
    prefix = command[: command.index("apt-get")]
    subprocess.run([*prefix, "apt-get", "update", "-qq"], check=False)
    if subprocess.run(command, check=False).returncode != 0:
        print(f"Could not install them. Install them with:  {manual}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
