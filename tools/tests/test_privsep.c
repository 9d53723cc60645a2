// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests: cryptod's parent-engine messages (privsep.c), what the
 * parent passes on to the kernel (cd_ps_nl_ok()), and the engine's side
 * (engine_ps.c) with a test in the parent's place.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <sys/socket.h>
#include <cmocka.h>

#include "engine_ps.h"
#include "privsep.h"

#define FAMILY 0x21

/* A request of @type with @flags and @extra bytes of payload at @p. */
static size_t put_req(uint8_t *p, uint16_t type, uint16_t flags, size_t extra)
{
	struct nlmsghdr h = {
		.nlmsg_len = (uint32_t)(NLMSG_HDRLEN + GENL_HDRLEN + extra),
		.nlmsg_type = type,
		.nlmsg_flags = flags,
	};

	memset(p, 0, NLMSG_ALIGN(h.nlmsg_len));
	memcpy(p, &h, sizeof(h));
	return NLMSG_ALIGN(h.nlmsg_len);
}

static void test_nl_ok(void **state)
{
	uint8_t b[256];
	size_t n;

	(void)state;
	n = put_req(b, FAMILY, NLM_F_REQUEST | NLM_F_ACK, 8);
	assert_true(cd_ps_nl_ok(b, n, FAMILY));
	/* a batch: every one must be nfsec's */
	n += put_req(b + n, FAMILY, NLM_F_REQUEST, 3);
	assert_true(cd_ps_nl_ok(b, n, FAMILY));
	assert_true(cd_ps_nl_ok(b, n - 1, FAMILY)); /* last one unpadded */
	put_req(b + n, GENL_ID_CTRL, NLM_F_REQUEST, 4);
	assert_false(cd_ps_nl_ok(b, n + 24, FAMILY));
	/* rtnetlink (RTM_NEWROUTE), a reply, nothing */
	n = put_req(b, 24, NLM_F_REQUEST, 8);
	assert_false(cd_ps_nl_ok(b, n, FAMILY));
	n = put_req(b, FAMILY, 0, 8);
	assert_false(cd_ps_nl_ok(b, n, FAMILY));
	assert_false(cd_ps_nl_ok(b, 0, FAMILY));
	n = put_req(b, FAMILY, NLM_F_REQUEST, 8);
	assert_false(cd_ps_nl_ok(b, n, 0));
	/* lengths: beyond the buffer, short of a genl header, a torn tail */
	assert_false(cd_ps_nl_ok(b, n - 4, FAMILY));
	((struct nlmsghdr *)b)->nlmsg_len = NLMSG_HDRLEN + 2;
	assert_false(cd_ps_nl_ok(b, n, FAMILY));
	n = put_req(b, FAMILY, NLM_F_REQUEST, 8);
	assert_false(cd_ps_nl_ok(b, n + 7, FAMILY));
}

static void test_check(void **state)
{
	struct cd_ps_hdr h = { .type = CD_PS_NL };
	uint8_t b[64];
	size_t n;

	(void)state;
	n = put_req(b, FAMILY, NLM_F_REQUEST, 4);
	assert_int_equal(cd_ps_check(&h, b, n, FAMILY), 0);
	assert_int_equal(cd_ps_check(&h, b, n, FAMILY + 1), -EPROTO);
	h.err = -1; /* questions carry no error */
	assert_int_equal(cd_ps_check(&h, b, n, FAMILY), -EPROTO);
	h = (struct cd_ps_hdr){ .type = CD_PS_UDP };
	b[0] = AF_INET6;
	assert_int_equal(cd_ps_check(&h, b, 1, FAMILY), 0);
	assert_int_equal(cd_ps_check(&h, b, 2, FAMILY), -EPROTO);
	b[0] = AF_UNIX;
	assert_int_equal(cd_ps_check(&h, b, 1, FAMILY), -EPROTO);
	h.type = CD_PS_CTL;
	assert_int_equal(cd_ps_check(&h, b, 0, FAMILY), 0);
	assert_int_equal(cd_ps_check(&h, b, 1, FAMILY), -EPROTO);
	h.type = CD_PS_IFINFO;
	memcpy(b, "veth-r1\0eth0xxxxxxxxxxxx", 24);
	assert_int_equal(cd_ps_check(&h, b, 7, FAMILY), 0);
	assert_int_equal(cd_ps_check(&h, b, 0, FAMILY), -EPROTO);
	assert_int_equal(cd_ps_check(&h, b, 12, FAMILY), -EPROTO); /* NUL */
	assert_int_equal(cd_ps_check(&h, b + 8, 16, FAMILY), -EPROTO);
	assert_int_equal(cd_ps_check(&h, b + 8, 15, FAMILY), 0);
	/* what only the parent sends, and what nobody does */
	h.type = CD_PS_CONF;
	assert_int_equal(cd_ps_check(&h, b, 0, FAMILY), -EPROTO);
	h.type = 0;
	assert_int_equal(cd_ps_check(&h, b, 0, FAMILY), -EPROTO);
	h = (struct cd_ps_hdr){ .type = CD_PS_CTL, .pad = 1 };
	assert_int_equal(cd_ps_check(&h, b, 0, FAMILY), -EPROTO);
}

static void test_messages(void **state)
{
	struct cd_ps_hdr h = { .type = CD_PS_UDP, .err = -EACCES }, r;
	char buf[16], big[64] = { 0 };
	int sv[2], p[2], fd;

	(void)state;
	assert_int_equal(socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv), 0);
	assert_int_equal(pipe(p), 0);
	/* header, payload and a descriptor that works on the other side */
	assert_int_equal(cd_ps_send(sv[0], &h, "abc", 3, p[1]), 0);
	assert_int_equal(cd_ps_recv(sv[1], &r, buf, sizeof(buf), &fd), 3);
	assert_int_equal(r.type, CD_PS_UDP);
	assert_int_equal(r.err, -EACCES);
	assert_memory_equal(buf, "abc", 3);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "x", 1), 1);
	assert_int_equal(read(p[0], buf, 1), 1);
	close(fd);
	/* too long for the buffer: refused whole, its descriptor closed */
	assert_int_equal(cd_ps_send(sv[0], &h, big, sizeof(big), p[1]), 0);
	assert_int_equal(cd_ps_recv(sv[1], &r, buf, sizeof(buf), &fd),
			 -EMSGSIZE);
	assert_int_equal(fd, -1);
	/* shorter than a header */
	assert_int_equal(send(sv[0], "ab", 2, 0), 2);
	assert_int_equal(cd_ps_recv(sv[1], &r, buf, sizeof(buf), &fd),
			 -EBADMSG);
	close(sv[0]);
	assert_int_equal(cd_ps_recv(sv[1], &r, buf, sizeof(buf), &fd), -EPIPE);
	close(sv[1]);
	close(p[0]);
	close(p[1]);
}

/* The parent's side of the pair: @type with @err, @data and @fd. */
static void answer(int sock, uint16_t type, int err, const void *data,
		   size_t len, int fd)
{
	struct cd_ps_hdr h = { .type = type, .err = err };

	assert_int_equal(cd_ps_send(sock, &h, data, len, fd), 0);
}

static void test_engine_side(void **state)
{
	struct cd_ps_ifinfo in = { .ifindex = 7, .has4 = 1 }, out;
	struct cd_ps_hdr h;
	struct cd_ps ps;
	char buf[64];
	int sv[2], fd, conf;

	(void)state;
	assert_int_equal(socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv), 0);
	cd_ps_init(&ps, sv[1]);
	conf = open("/dev/null", O_RDONLY);
	/* a configuration (SIGHUP) ahead of the answer is kept for later */
	answer(sv[0], CD_PS_CONF, 0, NULL, 0, conf);
	answer(sv[0], CD_PS_IFINFO, 0, &in, sizeof(in), -1);
	assert_int_equal(cd_ps_ifinfo(&ps, "veth0", &out), 0);
	assert_int_equal(out.ifindex, 7);
	assert_int_equal(cd_ps_recv(sv[0], &h, buf, sizeof(buf), &fd), 5);
	assert_int_equal(h.type, CD_PS_IFINFO);
	assert_memory_equal(buf, "veth0", 5);
	fd = cd_ps_take_conf(&ps);
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(cd_ps_take_conf(&ps), -1);
	/* a refusal is the answer's errno; an answer of another kind fails */
	answer(sv[0], CD_PS_UDP, -EADDRINUSE, NULL, 0, -1);
	assert_int_equal(cd_ps_udp(&ps, 2), -EADDRINUSE);
	answer(sv[0], CD_PS_CTL, 0, NULL, 0, -1);
	assert_int_equal(cd_ps_udp(&ps, 2), -EPROTO);
	/* netlink through the parent: replies, and its errors as errno */
	answer(sv[0], CD_PS_NL, 0, "reply", 5, -1);
	assert_int_equal(ps.io.recv(ps.io.arg, buf, sizeof(buf)), 5);
	answer(sv[0], CD_PS_NL, -ENOBUFS, NULL, 0, -1);
	assert_int_equal(ps.io.recv(ps.io.arg, buf, sizeof(buf)), -1);
	assert_int_equal(errno, ENOBUFS);
	/* the engine's loop: a configuration unasked, then the parent gone */
	answer(sv[0], CD_PS_CONF, 0, NULL, 0, 0);
	assert_int_equal(cd_ps_input(&ps), 0);
	fd = cd_ps_take_conf(&ps);
	assert_true(fd >= 0);
	close(fd);
	close(sv[0]);
	assert_int_equal(cd_ps_input(&ps), -EPIPE);
	/* a question to a parent that is gone fails, and closes nothing */
	assert_int_equal(cd_ps_udp(&ps, 2), -EPIPE);
	assert_int_equal(cd_ps_ctl(&ps), -EPIPE);
	cd_ps_close(&ps);
	close(conf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nl_ok),
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_messages),
		cmocka_unit_test(test_engine_side),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
