// SPDX-License-Identifier: GPL-2.0
/*
 * show crypto ipsec sa address: the SAs by destination address, then by
 * protocol, as IOS lays them out:
 *
 *   dest address: 198.51.100.2
 *      protocol: ESP
 *         spi: 0x...(...)
 *           transform: esp-des esp-sha-hmac ,
 *           ...
 *
 * -j: one object per destination, {"dest": ..., "sas": [...]}.
 */
#include <stdlib.h>
#include <string.h>
#include <netinet/in.h>

#include "addr.h"
#include "ctl.h"
#include "print.h"

/* By family and destination, AH before ESP (as IOS), then by SPI. */
static int sa_address_cmp(const void *a, const void *b)
{
	const struct nfsec_sa_info *x = *(const struct nfsec_sa_info *const *)a;
	const struct nfsec_sa_info *y = *(const struct nfsec_sa_info *const *)b;
	int c;

	if (x->family != y->family)
		return x->family < y->family ? -1 : 1;
	c = memcmp(&x->dst, &y->dst, nfsec_ip_len(x->family));
	if (c)
		return c;
	if (x->proto != y->proto)
		return x->proto == IPPROTO_AH ? -1 : 1;
	return x->spi < y->spi ? -1 : x->spi > y->spi;
}

static bool sa_same_dst(const struct nfsec_sa_info *x,
			const struct nfsec_sa_info *y)
{
	return x->family == y->family &&
	       !memcmp(&x->dst, &y->dst, nfsec_ip_len(x->family));
}

void ctl_show_sa_address(struct ctl *ctl, const struct nfsec_sa_info *sas,
			 size_t nsas,
			 bool (*wanted)(const struct nfsec_sa_info *sa,
					const void *arg),
			 const void *arg)
{
	const struct nfsec_sa_info **by = calloc(nsas + 1, sizeof(*by));
	char dst[INET6_ADDRSTRLEN];
	struct nfsec_json j;
	size_t i, n = 0;

	if (!by) {
		fprintf(stderr, "cryptoctl: out of memory\n");
		return;
	}
	for (i = 0; i < nsas; i++)
		if (wanted(&sas[i], arg))
			by[n++] = &sas[i];
	qsort(by, n, sizeof(*by), sa_address_cmp);
	if (ctl->json) {
		nfsec_json_init(&j, stdout);
		nfsec_json_array_open(&j, NULL);
	}
	for (i = 0; i < n; i++) {
		const struct nfsec_sa_info *sa = by[i];
		bool first = !i || !sa_same_dst(by[i - 1], sa);
		bool last = i + 1 == n || !sa_same_dst(by[i + 1], sa);

		nfsec_ip_str(sa->family, &sa->dst, dst, sizeof(dst));
		if (ctl->json) {
			if (first) {
				nfsec_json_object_open(&j, NULL);
				nfsec_json_string(&j, "dest", dst);
				nfsec_json_array_open(&j, "sas");
			}
			ctl_sa_json(&j, NULL, sa);
			if (last) {
				nfsec_json_array_close(&j);
				nfsec_json_object_close(&j);
			}
			continue;
		}
		if (first)
			printf("dest address: %s\n", dst);
		if (first || by[i - 1]->proto != sa->proto)
			printf("   protocol: %s\n",
			       sa->proto == IPPROTO_AH ? "AH" : "ESP");
		ctl_sa_print_ios(sa);
		if (last || by[i + 1]->proto != sa->proto)
			printf("\n");
	}
	if (ctl->json) {
		nfsec_json_array_close(&j);
		nfsec_json_end(&j);
	}
	free(by);
}
