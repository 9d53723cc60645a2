#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Generate kmod/tests/esp_kat.h: ESP known-answer packets for KUnit.

The packets are built here from RFC 4303 (ESP), RFC 4106 (AES-GCM), RFC
7634 (ChaCha20-Poly1305) and RFC 2404/4868 (HMAC truncation) with Python's
"cryptography" package, an implementation independent of the kernel's, so
the KUnit suite checks nfsec against the RFCs and not against itself.
(The selftests check the same wire format against Linux XFRM.)

Not run by `make check`; run it by hand when vectors change:
    scripts/gen-esp-kat.py > kmod/tests/esp_kat.h
"""
import hashlib
import hmac
import struct

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM, ChaCha20Poly1305

from katlib import key, print_header



def inner_packet():
    """An IPv4 ICMP echo request 192.0.2.10 -> 203.0.113.10, 84 bytes."""
    payload = bytes(range(56))
    icmp = struct.pack(">BBHHH", 8, 0, 0, 0x1234, 1) + payload
    csum = 0
    for i in range(0, len(icmp), 2):
        csum += (icmp[i] << 8) | icmp[i + 1]
    csum = (csum >> 16) + (csum & 0xFFFF)
    csum = ~(csum + (csum >> 16)) & 0xFFFF
    icmp = icmp[:2] + struct.pack(">H", csum) + icmp[4:]
    hdr = struct.pack(">BBHHHBBH4s4s", 0x45, 0, 20 + len(icmp), 0x4242, 0x4000,
                      63, 1, 0, bytes([192, 0, 2, 10]), bytes([203, 0, 113, 10]))
    csum = sum(struct.unpack(">10H", hdr))
    csum = (csum >> 16) + (csum & 0xFFFF)
    csum = ~(csum + (csum >> 16)) & 0xFFFF
    return hdr[:10] + struct.pack(">H", csum) + hdr[12:] + icmp


def trailer(plen, blk, nexthdr, bad=False):
    align = max(blk, 4)
    pad = (align - (plen + 2) % align) % align
    padding = bytes(range(1, pad + 1))
    if bad and pad:
        padding = bytes(pad)
    return padding + bytes([pad, nexthdr])


def aead_packet(kind, k, spi, seq, esn, inner, bad_pad=False):
    salt, ck = k[-4:], k[:-4]
    iv = struct.pack(">Q", seq)
    plain = inner + trailer(len(inner), 1, 4, bad_pad)
    if esn:
        aad = struct.pack(">III", spi, seq >> 32, seq & 0xFFFFFFFF)
    else:
        aad = struct.pack(">II", spi, seq & 0xFFFFFFFF)
    c = AESGCM(ck) if kind == "gcm" else ChaCha20Poly1305(ck)
    ct = c.encrypt(salt + iv, plain, aad)
    return struct.pack(">II", spi, seq & 0xFFFFFFFF) + iv + ct


def cbc_packet(cipher, k, ak, digest, icvlen, spi, seq, esn, iv, inner,
               bad_pad=False):
    blk = 16 if cipher == "aes" else 8
    plain = inner + trailer(len(inner), blk, 4, bad_pad)
    alg = algorithms.AES(k) if cipher == "aes" else algorithms.TripleDES(k)
    enc = Cipher(alg, modes.CBC(iv)).encryptor()
    ct = enc.update(plain) + enc.finalize()
    head = struct.pack(">II", spi, seq & 0xFFFFFFFF) + iv
    mac_in = head + ct + (struct.pack(">I", seq >> 32) if esn else b"")
    icv = hmac.new(ak, mac_in, digest).digest()[:icvlen]
    return head + ct + icv



def main():
    inner = inner_packet()
    vec = [
        ("kat_inner", inner),
        ("kat_gcm128_key", key(20, 11)),
        ("kat_gcm128_seq1", aead_packet("gcm", key(20, 11), 0x1001, 1, False, inner)),
        ("kat_gcm128_esn", aead_packet("gcm", key(20, 11), 0x1001, 0x100000005, True, inner)),
        ("kat_gcm128_badpad", aead_packet("gcm", key(20, 11), 0x1001, 2, False, inner, True)),
        ("kat_gcm256_key", key(36, 12)),
        ("kat_gcm256_seq7", aead_packet("gcm", key(36, 12), 0x2002, 7, False, inner)),
        ("kat_chacha_key", key(36, 13)),
        ("kat_chacha_seq3", aead_packet("chacha", key(36, 13), 0x3003, 3, False, inner)),
        ("kat_cbc_key", key(16, 14)),
        ("kat_cbc_authkey", key(32, 15)),
        ("kat_cbc_sha256_seq9", cbc_packet("aes", key(16, 14), key(32, 15), hashlib.sha256, 16,
                                           0x4004, 9, False, key(16, 16), inner)),
        ("kat_cbc_sha256_esn", cbc_packet("aes", key(16, 14), key(32, 15), hashlib.sha256, 16,
                                          0x4004, 0x200000001, True, key(16, 17), inner)),
        ("kat_3des_key", key(24, 18)),
        ("kat_3des_authkey", key(16, 19)),
        ("kat_3des_md5_seq4", cbc_packet("3des", key(24, 18), key(16, 19), hashlib.md5, 12,
                                         0x5005, 4, False, key(8, 20), inner)),
    ]
    print_header("gen-esp-kat.py", "ESP", "ESP header", vec)

main()
