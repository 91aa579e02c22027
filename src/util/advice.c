/* SPDX-License-Identifier: MIT */
#include "util/advice.h"

#include <errno.h>

const char *goat_write_advice(int errnum)
{
    switch (errnum) {
    case EPERM:
        /* what root meets: permissions do not stop it, file flags do */
        return "; the file (or its directory) is probably immutable or append-only, which lsattr shows as an i "
               "or an a flag: clear the flag (chattr -i or chattr -a, as root) and run goat again (goat track can "
               "also leave the file alone: list it in goat.yaml's ignores)";
    case EACCES:
        return "; you may not write in its directory: make the directory writable (chmod u+w) or run goat as "
               "the user owning the module";
    case EROFS:
        return "; the file system is mounted read-only: run goat on a writable checkout";
    case EXDEV:
    case EBUSY:
        /* a file bind-mounted into the tree, as containers do (-v file:file) */
        return "; the file is probably a mount point (a file mounted into this tree on its own, as a container "
               "does), which goat cannot replace, as it writes a file next to it and renames it over: run goat on "
               "a checkout without mounted files (goat track can also leave the file alone: list it in "
               "goat.yaml's ignores)";
    case ENOSPC:
    case EDQUOT:
        return "; the disk (or your quota) is full: free some space and run goat again";
    default:
        return "";
    }
}

const char *goat_mkdir_advice(int errnum)
{
    switch (errnum) {
    case EPERM:
        return "; the directory that would hold it is probably immutable (lsattr -d shows an i flag): clear the "
               "flag (chattr -i, as root), or set goatPackagePath in goat.yaml to a directory goat may create";
    case EACCES:
        return "; you may not write in the directory that would hold it: make that directory writable (chmod "
               "u+w), or set goatPackagePath in goat.yaml to a directory goat may create";
    default:
        return goat_write_advice(errnum);
    }
}
