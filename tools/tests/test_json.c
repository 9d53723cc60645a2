// SPDX-License-Identifier: GPL-2.0
/* Unit tests: the JSON writer (json.c). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>

#include "json.h"

struct buf {
	char *data;
	size_t len;
	FILE *f;
};

static int buf_setup(void **state)
{
	struct buf *b = calloc(1, sizeof(*b));

	if (!b)
		return -1;
	b->f = open_memstream(&b->data, &b->len);
	*state = b;
	return b->f ? 0 : -1;
}

static int buf_teardown(void **state)
{
	struct buf *b = *state;

	fclose(b->f);
	free(b->data);
	free(b);
	return 0;
}

static const char *buf_text(struct buf *b)
{
	fflush(b->f);
	return b->data;
}

static void test_nested(void **state)
{
	struct buf *b = *state;
	struct nfsec_json j;

	nfsec_json_init(&j, b->f);
	nfsec_json_object_open(&j, NULL);
	nfsec_json_string(&j, "a", "x");
	nfsec_json_object_open(&j, "o");
	nfsec_json_u64(&j, "n", 18446744073709551615ULL);
	nfsec_json_bool(&j, "t", true);
	nfsec_json_object_close(&j);
	nfsec_json_array_open(&j, "l");
	nfsec_json_u64(&j, NULL, 1);
	nfsec_json_u64(&j, NULL, 2);
	nfsec_json_object_open(&j, NULL);
	nfsec_json_object_close(&j);
	nfsec_json_array_close(&j);
	nfsec_json_object_close(&j);
	nfsec_json_end(&j);
	assert_string_equal(buf_text(b),
			    "{\"a\":\"x\",\"o\":{\"n\":18446744073709551615,"
			    "\"t\":true},\"l\":[1,2,{}]}\n");
}

static void test_escape(void **state)
{
	struct buf *b = *state;
	struct nfsec_json j;

	nfsec_json_init(&j, b->f);
	nfsec_json_object_open(&j, NULL);
	nfsec_json_string(&j, "k\"", "q\" b\\ n\n t\t c\x01 é");
	nfsec_json_object_close(&j);
	nfsec_json_end(&j);
	assert_string_equal(
		buf_text(b),
		"{\"k\\\"\":\"q\\\" b\\\\ n\\n t\\t c\\u0001 é\"}\n");
}

static void test_empty_array(void **state)
{
	struct buf *b = *state;
	struct nfsec_json j;

	nfsec_json_init(&j, b->f);
	nfsec_json_array_open(&j, NULL);
	nfsec_json_array_close(&j);
	nfsec_json_end(&j);
	assert_string_equal(buf_text(b), "[]\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_nested, buf_setup,
						buf_teardown),
		cmocka_unit_test_setup_teardown(test_escape, buf_setup,
						buf_teardown),
		cmocka_unit_test_setup_teardown(test_empty_array, buf_setup,
						buf_teardown),
	};

	return cmocka_run_group_tests_name("json", tests, NULL, NULL);
}
