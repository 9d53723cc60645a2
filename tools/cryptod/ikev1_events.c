// SPDX-License-Identifier: GPL-2.0
/*
 * The events a network management system watches for, as IOS's syslog
 * messages name them: "%CRYPTO-SEVERITY-MNEMONIC: text".  They go
 * through the log op like the debug lines; the daemon logs every one of
 * them, debug or not, at the syslog priority of its severity.
 */
#include "ikev1_int.h"

/* IKE's authentication method numbers (RFC 2409 appendix A). */
static unsigned int ikev1_auth_method(uint8_t auth)
{
	switch (auth) {
	case CONF_AUTH_RSA_SIG:
		return 3;
	case CONF_AUTH_RSA_ENCR:
		return 4;
	default:
		return 1;
	}
}

void ikev1_event_up(struct ikev1_ctx *ctx, const struct ikev1_sa *sa)
{
	char a[64];

	nfsec_ip_str(sa->family, &sa->peer, a, sizeof(a));
	ikev1_logf(
		ctx, sa, false,
		"%%CRYPTO-5-SESSION_STATUS: Crypto tunnel is UP. Peer %s:500 Id: %s",
		a, a);
}

void ikev1_event_down(struct ikev1_ctx *ctx, const struct ikev1_sa *sa)
{
	char a[64];

	if (sa->state != IKEV1_QM_IDLE)
		return; /* it never came up */
	nfsec_ip_str(sa->family, &sa->peer, a, sizeof(a));
	ikev1_logf(
		ctx, sa, false,
		"%%CRYPTO-5-SESSION_STATUS: Crypto tunnel is DOWN. Peer %s:500 Id: %s",
		a, a);
}

void ikev1_event_auth_fail(struct ikev1_ctx *ctx, const struct ikev1_sa *sa)
{
	char a[64];

	nfsec_ip_str(sa->family, &sa->peer, a, sizeof(a));
	ikev1_logf(
		ctx, sa, false,
		"%%CRYPTO-6-IKMP_AUTH_FAIL: Authentication method %u failed with host %s",
		ikev1_auth_method(sa->choice.auth), a);
	if (sa->aggressive)
		return; /* am_failed() says the mode failed */
	ikev1_logf(
		ctx, sa, false,
		"%%CRYPTO-6-IKMP_MODE_FAILURE: Processing of %s mode failed with peer at %s",
		sa->aggressive ? "Aggressive" : "Main", a);
}
