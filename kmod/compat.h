/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The one place where nfsec deals with differences between the kernels it
 * supports: Debian's 6.1 (bookworm) and 6.12 (bookworm-security, trixie).
 * Other files use the helpers below and never test LINUX_VERSION_CODE.
 */
#ifndef _NFSEC_COMPAT_H
#define _NFSEC_COMPAT_H

#include <linux/version.h>

#if KERNEL_VERSION(6, 1, 0) > LINUX_VERSION_CODE
#error "nfsec needs Linux 6.1 or newer"
#endif

#endif /* _NFSEC_COMPAT_H */
