/* SPDX-License-Identifier: GPL-2.0 */
/*
 * show crypto session (session.c).
 */
#ifndef CRYPTOCTL_SESSION_H
#define CRYPTOCTL_SESSION_H

/*
 * IOS's session status for a peer whose ISAKMP SA is in @ike_state (NULL:
 * none) with @nsas IPsec SAs in the kernel: UP-ACTIVE, UP-IDLE,
 * UP-NO-IKE, DOWN-NEGOTIATING or DOWN.
 */
const char *ctl_session_status(const char *ike_state, unsigned int nsas);

#endif /* CRYPTOCTL_SESSION_H */
