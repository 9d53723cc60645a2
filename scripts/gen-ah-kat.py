#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Generate kmod/tests/ah_kat.h: AH known-answer packets for KUnit.

Built here from RFC 4302 (AH: the ICV over the packet with the mutable
fields and the ICV zeroed, the high sequence bits appended under ESN, the
header padded to 8 bytes as Linux XFRM sends it, or to 4 over IPv4 as RFC
4302 allows) and RFC 2404 / 2403 /
4868 (HMAC truncation) with Python's hmac, independently of the kernel.
(The selftests check the same wire format against Linux XFRM.)

Not run by `make check`; run it by hand when vectors change:
    scripts/gen-ah-kat.py > kmod/tests/ah_kat.h
"""
import hashlib
import hmac
import struct

from katlib import key, print_header



def inner_packet():
    """An IPv4 UDP datagram 192.0.2.10 -> 203.0.113.10 (checksums unused)."""
    payload = bytes(range(40))
    udp = struct.pack(">HHHH", 4000, 5001, 8 + len(payload), 0) + payload
    return struct.pack(">BBHHHBBH4s4s", 0x45, 0, 20 + len(udp), 0x4242, 0x4000,
                       63, 17, 0, bytes([192, 0, 2, 10]),
                       bytes([203, 0, 113, 10])) + udp


def ah_header(nexthdr, spi, seq, icvlen, align):
    ahlen = (12 + icvlen + align - 1) // align * align
    return ahlen, struct.pack(">BBHII", nexthdr, ahlen // 4 - 2, 0, spi,
                              seq & 0xFFFFFFFF)


def icv_of(ak, digest, icvlen, covered, seq, esn):
    data = covered + (struct.pack(">I", seq >> 32) if esn else b"")
    return hmac.new(ak, data, digest).digest()[:icvlen]


def v4_packet(opts, tos, ttl, payload_len, proto):
    ihl = (20 + len(opts)) // 4
    return bytearray(struct.pack(">BBHHHBBH4s4s", 0x40 | ihl, tos,
                                 ihl * 4 + payload_len, 0x1234, 0x4000, ttl,
                                 proto, 0, bytes([198, 51, 100, 1]),
                                 bytes([198, 51, 100, 2])) + opts)


def v4_zero_mutable(hdr, mutable_opts):
    """TOS, flags/offset, TTL, checksum; (offset, len) of mutable options."""
    z = bytearray(hdr)
    z[1] = 0
    z[6:8] = b"\0\0"
    z[8] = 0
    z[10:12] = b"\0\0"
    for off, n in mutable_opts:
        z[off:off + n] = bytes(n)
    return bytes(z)


def ah4(ak, digest, icvlen, spi, seq, esn, inner, opts=b"", mutable_opts=(),
        tos=0, ttl=64, align=8, pad=0):
    """Outer IPv4 (checksum 0: ip_local_out's job) + AH + inner.  The
    padding after the ICV holds byte @pad (nfsec sends 0; XFRM sends what
    the buffer held): it is covered as it is."""
    ahlen, ah = ah_header(4, spi, seq, icvlen, align)
    hdr = v4_packet(opts, tos, ttl, ahlen + len(inner), 51)
    padding = bytes([pad]) * (ahlen - 12 - icvlen)
    icv = icv_of(ak, digest, icvlen,
                 v4_zero_mutable(hdr, mutable_opts) + ah + bytes(icvlen) +
                 padding + inner, seq, esn)
    return bytes(hdr) + ah + icv + padding + inner


def ah6(ak, digest, icvlen, spi, seq, inner):
    """Outer IPv6 (traffic class 0x28, flow label 0x12345) + AH + inner."""
    ahlen, ah = ah_header(4, spi, seq, icvlen, 8)
    src = bytes.fromhex("20010db8000100000000000000000001")
    dst = bytes.fromhex("20010db8000100000000000000000002")
    hdr = struct.pack(">IHBB", (6 << 28) | (0x28 << 20) | 0x12345,
                      ahlen + len(inner), 51, 64) + src + dst
    zero_hdr = struct.pack(">IHBB", 6 << 28, ahlen + len(inner), 51, 0) + \
        src + dst
    icv = icv_of(ak, digest, icvlen, zero_hdr + ah + bytes(ahlen - 12) + inner,
                 seq, False)
    return hdr + ah + icv + bytes(ahlen - 12 - icvlen) + inner



def main():
    inner = inner_packet()
    # Router alert (immutable), NOP, record route (mutable), end of list.
    opts = bytes([148, 4, 0, 0, 1, 7, 7, 8, 192, 0, 2, 99, 0])
    opts += bytes(-len(opts) % 4)
    vec = [
        ("kat_ah_inner", inner),
        ("kat_ah_sha1_key", key(20, 21)),
        ("kat_ah_sha1_seq1", ah4(key(20, 21), hashlib.sha1, 12, 0x6006, 1,
                                 False, inner)),
        ("kat_ah_sha1_esn", ah4(key(20, 21), hashlib.sha1, 12, 0x6006,
                                0x100000003, True, inner)),
        ("kat_ah_md5_key", key(16, 22)),
        ("kat_ah_md5_opts", ah4(key(16, 22), hashlib.md5, 12, 0x7007, 5,
                                False, inner, opts, [(20 + 5, 7)], 0x10, 17)),
        ("kat_ah_sha256_key", key(32, 23)),
        ("kat_ah_sha256_seq2", ah4(key(32, 23), hashlib.sha256, 16, 0x8008, 2,
                                   False, inner)),
        ("kat_ah_sha256_garbage_pad", ah4(key(32, 23), hashlib.sha256, 16,
                                          0x8008, 4, False, inner, pad=0xa5)),
        ("kat_ah_sha256_align4", ah4(key(32, 23), hashlib.sha256, 16, 0x8008,
                                     3, False, inner, align=4)),
        ("kat_ah_sha256_v6", ah6(key(32, 23), hashlib.sha256, 16, 0x8008, 2,
                                 inner)),
    ]
    print_header("gen-ah-kat.py", "AH", "outer IP header", vec)

main()
