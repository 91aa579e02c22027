# SPDX-License-Identifier: MIT
# goat's own configure macros. This directory is also where aclocal puts
# third-party macros it copies, and it ships in the tarball, so autoreconf
# works on an unpacked release.

# GOAT_REQUIRE(VARIABLE-PREFIX, PKG-CONFIG-MODULE, DEBIAN-PACKAGE)
# -----------------------------------------------------------------
# A library goat cannot build without. The error names the Debian package
# that provides it, so a packager who lacks one knows what to install.
AC_DEFUN([GOAT_REQUIRE], [
  PKG_CHECK_MODULES([$1], [$2], [],
    [AC_MSG_ERROR([$2 not found: install the Debian package $3 (apt-get install $3)])])
])
