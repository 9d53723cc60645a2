// SPDX-License-Identifier: GPL-2.0
/*
 * Wireshark's ESP SA table (Preferences > Protocols > ESP > ESP SAs, kept
 * in the file esp_sa of a Wireshark profile): one line per SA, eight
 * quoted fields, as Wireshark 4.0 (Debian 12) reads them:
 *
 *   "IPv4","SRC","DST","0xSPI","ENCRYPTION","0xKEY","AUTHENTICATION","0xKEY"
 *
 * The encryption and authentication names are Wireshark's own labels.
 * AES-GCM's key carries its 4-byte salt at the end, as nfsec keeps it.
 * Lines starting with # are comments to Wireshark: SAs it cannot decrypt
 * (AH, ChaCha20-Poly1305, which its ESP dissector lacks) are listed so.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <inttypes.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>

#include "uapi/linux/nfsec.h"
#include "addr.h"
#include "listing.h"
#include "wireshark.h"

static const char *ws_enc(uint8_t enc)
{
	switch (enc) {
	case NFSEC_ENC_NULL:
		return "NULL";
	case NFSEC_ENC_DES_CBC:
		return "DES-CBC [RFC2405]";
	case NFSEC_ENC_3DES_CBC:
		return "TripleDES-CBC [RFC2451]";
	case NFSEC_ENC_AES_CBC:
		return "AES-CBC [RFC3602]";
	case NFSEC_ENC_AES_GCM_16:
		return "AES-GCM with 16 octet ICV [RFC4106]";
	default:
		return NULL;
	}
}

static const char *ws_auth(uint8_t auth)
{
	switch (auth) {
	case NFSEC_AUTH_NONE:
		return "NULL";
	case NFSEC_AUTH_HMAC_MD5_96:
		return "HMAC-MD5-96 [RFC2403]";
	case NFSEC_AUTH_HMAC_SHA1_96:
		return "HMAC-SHA-1-96 [RFC2404]";
	case NFSEC_AUTH_HMAC_SHA256_128:
		return "HMAC-SHA-256-128 [RFC4868]";
	case NFSEC_AUTH_HMAC_SHA384_192:
		return "HMAC-SHA-384-192 [RFC4868]";
	case NFSEC_AUTH_HMAC_SHA512_256:
		return "HMAC-SHA-512-256 [RFC4868]";
	default:
		return NULL;
	}
}

int ctl_wireshark_sa(FILE *f, const struct nfsec_sa_info *sa)
{
	char s[INET6_ADDRSTRLEN], d[INET6_ADDRSTRLEN];
	char ekey[2 * sizeof(sa->enckey) + 3] = "0x";
	char akey[2 * sizeof(sa->authkey) + 3] = "0x";
	const char *enc = ws_enc(sa->enc), *auth = ws_auth(sa->auth);
	int n;

	nfsec_ip_str(sa->family, &sa->src, s, sizeof(s));
	nfsec_ip_str(sa->family, &sa->dst, d, sizeof(d));
	if (sa->proto != IPPROTO_ESP || !enc || !auth) {
		n = fprintf(
			f, "# %s %s spi 0x%08" PRIx32 " %s: %s\n", s, d,
			sa->spi, sa->proto == IPPROTO_ESP ? "esp" : "ah",
			sa->proto == IPPROTO_ESP
				? "Wireshark's ESP dissector lacks its cipher"
				: "Wireshark decrypts ESP only");
		return n < 0 ? -EIO : 0;
	}
	if (sa->enckeylen)
		nfsec_hex_str(sa->enckey, sa->enckeylen, ekey, sizeof(ekey));
	if (sa->authkeylen)
		nfsec_hex_str(sa->authkey, sa->authkeylen, akey, sizeof(akey));
	n = fprintf(f,
		    "\"%s\",\"%s\",\"%s\",\"0x%08" PRIx32
		    "\",\"%s\",\"%s\",\"%s\",\"%s\"\n",
		    sa->family == AF_INET6 ? "IPv6" : "IPv4", s, d, sa->spi,
		    enc, ekey, auth, akey);
	explicit_bzero(ekey, sizeof(ekey));
	explicit_bzero(akey, sizeof(akey));
	return n < 0 ? -EIO : 0;
}

struct ws_dump {
	struct ctl_listing out;
	const char *map;
	uint8_t family;
	const union nfsec_ip *peer;
};

static bool ws_wanted(const struct ws_dump *w, const struct nfsec_sa_info *sa)
{
	const union nfsec_ip *peer =
		sa->dir == NFSEC_SA_DIR_OUT ? &sa->dst : &sa->src;

	if (w->map && (!sa->has_map || strcmp(sa->map, w->map)))
		return false;
	return !w->family || (sa->family == w->family &&
			      !memcmp(peer, w->peer, nfsec_ip_len(w->family)));
}

static int ws_sa_cb(const struct nfsec_sa_info *sa, void *data)
{
	struct ws_dump *w = data;

	if (!w->out.f)
		return -ENOMEM;
	return ws_wanted(w, sa) ? ctl_wireshark_sa(w->out.f, sa) : 0;
}

int ctl_wireshark_show(struct ctl *ctl, const char *map, uint8_t family,
		       const union nfsec_ip *peer)
{
	struct ws_dump w = { .map = map, .family = family, .peer = peer };
	int err, closed;

	if (ctl_nl(ctl))
		return 1;
	err = ctl_listing_open(&w.out, false);
	if (!err)
		err = nfsec_sa_dump(&ctl->nl, true, ws_sa_cb,
				    ctl_listing_reset_cb, &w.out);
	closed = ctl_listing_close(&w.out, !err);
	err = err ? err : closed;
	return err ? ctl_nl_error(ctl, "cannot list the SAs' keys", err) : 0;
}
