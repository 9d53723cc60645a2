#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Seeded fuzzing of nfsec's ESP and AH input, one packet at a time.

    skbfuzz.py SEED COUNT IFNAME DSTMAC
    skbfuzz.py --valid SPI COUNT IFNAME DSTMAC

Writes COUNT Ethernet frames to IFNAME (AF_PACKET), addressed to DSTMAC,
from 198.51.100.2 / 2001:db8:1::2 to the router at 198.51.100.1 /
2001:db8:1::1, which holds the inbound SAs skbfuzz.sh installs with these
keys.  Most packets carry a valid ICV (AES-GCM-128 ESP, HMAC-SHA1-96 AH,
tunnel and transport), so the fuzzing reaches what nfsec does after
authentication: the ESP trailer (pad length, padding, next header), the
inner packet (truncated, lying lengths, other families, nested ESP), the
replay window (sequence numbers near 0, 2^32 and the window's edges).
Others are mutated after the ICV, carry unknown SPIs, are truncated inside
the headers, carry IPv4 options or IPv6 extension headers, or arrive as
IPv4 fragments.  The same SEED gives the same packets.

--valid sends COUNT well-formed ESP packets (tunnel, IPv4, an ICMP echo
to 203.0.113.9 inside) on SPI, sequence numbers from 1.
"""
import hashlib
import hmac
import random
import socket
import struct
import sys

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

SRC4, DST4 = bytes([198, 51, 100, 2]), bytes([198, 51, 100, 1])
SRC6 = bytes.fromhex("20010db8000100000000000000000002")
DST6 = bytes.fromhex("20010db8000100000000000000000001")


def hexkey(n, seed):
    """selftests/lib.sh's hexkey, as bytes."""
    return bytes(((seed * 31 + i * 7) & 255) for i in range(n))


ESP_KEY = hexkey(20, 11)        # AES-GCM-128 + salt
AH_KEY = hexkey(20, 12)         # HMAC-SHA1-96
# SPIs skbfuzz.sh installs (the same on IPv4 and IPv6): ESP tunnel,
# ESP transport, ESP tunnel with ESN, AH tunnel, AH transport.
ESP_TUN, ESP_TRA, ESP_ESN, AH_TUN, AH_TRA = (0x1001, 0x1002, 0x1003,
                                              0x2001, 0x2002)


def csum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack(f"!{len(data) // 2}H", data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def ip4(proto, payload, src=SRC4, dst=DST4, opts=b"", frag=0, ident=1,
        tot=None, ttl=64):
    ihl = 5 + len(opts) // 4
    tot = 20 + len(opts) + len(payload) if tot is None else tot
    h = struct.pack("!BBHHHBBH4s4s", 0x40 | ihl, 0, tot & 0xFFFF, ident,
                    frag, ttl, proto, 0, src, dst) + opts
    h = h[:10] + struct.pack("!H", csum(h)) + h[12:]
    return h + payload


def ip6(nh, payload, src=SRC6, dst=DST6, plen=None, hlim=64):
    plen = len(payload) if plen is None else plen
    return struct.pack("!IHBB16s16s", 6 << 28, plen & 0xFFFF, nh, hlim,
                       src, dst) + payload


class Gen:
    def __init__(self, rnd):
        self.r = rnd
        self.gcm = AESGCM(ESP_KEY[:16])
        self.next = {}

    def seq(self, spi, v6):
        """
        The SA's next number, mostly, so packets pass the window; else one
        it has seen or left behind, or a jump ahead, which the numbers
        then follow.  Only the ESN SA jumps near 2^32 and past it (the
        high half): a 32-bit SA that got there would take nothing more.
        """
        k = (spi, v6)
        n = self.next.get(k, 1)
        c = self.r.random()
        if c < 0.85:
            self.next[k] = n + self.r.choice([1, 1, 1, 2, 30, 64, 65])
            return n
        if c < 0.95:
            return max(0, self.r.choice([0, 1, n - 1, n - 64, n - 65]))
        jump = n + self.r.choice([1000, self.r.randrange(1 << 20)])
        if c > 0.995 and spi == ESP_ESN:
            jump = self.r.choice([0xFFFFFFFF, 0xFFFFFFF0,
                                  self.r.randrange(1 << 32)])
        self.next[k] = max(n, jump + 1)
        return jump

    def blob(self, n):
        return bytes(self.r.randrange(256) for _ in range(n))

    def inner(self):
        """(next header, inner bytes) for a tunnel or transport SA."""
        r = self.r
        c = r.random()
        icmp = struct.pack("!BBHHH", 8, 0, 0, 7, r.randrange(1 << 16)) + \
            self.blob(r.randrange(0, 64))
        dst4 = r.choice([bytes([203, 0, 113, 9]), DST4,
                         bytes([192, 0, 2, 77]), self.blob(4)])
        if c < 0.3:
            return 4, ip4(1, icmp, src=bytes([192, 0, 2, 10]), dst=dst4,
                          ttl=r.choice([0, 1, 64]))
        if c < 0.45:
            return 41, ip6(58, icmp, src=bytes.fromhex(
                "20010db8000a00000000000000000010"), dst=r.choice(
                [DST6, bytes.fromhex("20010db8000b00000000000000000010")]),
                hlim=r.choice([0, 1, 64]))
        if c < 0.55:        # lying lengths
            if r.random() < 0.5:
                return 4, ip4(1, icmp, dst=dst4,
                              tot=r.choice([0, 19, 21, 1500, 65535]))
            return 41, ip6(58, icmp, plen=r.choice([0, 1, 1000, 65535]))
        if c < 0.65:        # too short for a header
            return r.choice([4, 41]), self.blob(r.randrange(0, 24))
        if c < 0.75:        # transport-style payloads
            return r.choice([1, 6, 17, 58]), self.blob(r.randrange(0, 80))
        if c < 0.85:        # nested ESP/AH or unusual protocols
            return r.choice([50, 51, 59, 0, 43, 44, 255]), \
                self.blob(r.randrange(0, 60))
        return r.randrange(256), self.blob(r.randrange(0, 200))

    def trailer(self, nh, data):
        r = self.r
        pad = (-(len(data) + 2)) % 4
        if r.random() < 0.2:
            pad = r.randrange(0, 256)
        padding = bytes(range(1, pad + 1))
        if r.random() < 0.15 and padding:
            padding = self.blob(len(padding))
        padlen = pad if r.random() > 0.1 else r.randrange(256)
        return data + padding + bytes([padlen, nh])

    def esp(self, v6):
        r = self.r
        spi = r.choice([ESP_TUN, ESP_TRA, ESP_ESN])
        full = self.seq(spi, v6)
        seq = full & 0xFFFFFFFF
        nh, data = self.inner()
        if spi == ESP_TRA and nh in (4, 41) and r.random() < 0.7:
            nh, data = r.choice([1, 58, 17]), self.blob(r.randrange(8, 60))
        pt = self.trailer(nh, data)
        iv = self.blob(8)
        aad = struct.pack("!II", spi, seq)
        if spi == ESP_ESN:
            aad = struct.pack("!III", spi, full >> 32, seq)
        ct = self.gcm.encrypt(ESP_KEY[16:] + iv, pt, aad)
        body = struct.pack("!II", spi, seq) + iv + ct
        if r.random() < 0.1:
            body = self.flip(body)
        return 50, body

    def ah_icv(self, v6, ident, ah_hdr, payload):
        """HMAC-SHA1-96 over the packet, mutable fields as zero."""
        if v6:
            h = ip6(51, ah_hdr + payload, hlim=0)
        else:
            h = ip4(51, ah_hdr + payload, ident=ident, ttl=0)
            h = h[:1] + b"\0" + h[2:6] + b"\0\0" + h[8:10] + b"\0\0" + h[12:]
        return hmac.new(AH_KEY, h, hashlib.sha1).digest()[:12]

    def ah(self, v6, ident):
        r = self.r
        spi = r.choice([AH_TUN, AH_TRA])
        nh, data = self.inner()
        if spi == AH_TRA and nh in (4, 41) and r.random() < 0.7:
            nh, data = r.choice([1, 58, 17]), self.blob(r.randrange(8, 60))
        plen = 4 if r.random() > 0.1 else r.randrange(256)
        head = struct.pack("!BBHII", nh, plen, 0, spi,
                           self.seq(spi, v6) & 0xFFFFFFFF)
        icv = self.ah_icv(v6, ident, head + b"\0" * 12, data)
        body = head + icv + data
        if r.random() < 0.1:
            body = self.flip(body)
        return 51, body

    def flip(self, data):
        b = bytearray(data)
        for _ in range(self.r.randrange(1, 4)):
            if b:
                b[self.r.randrange(len(b))] ^= 1 << self.r.randrange(8)
        return bytes(b)

    def raw(self):
        r = self.r
        proto = r.choice([50, 51, 50, 51, 17, 6, 1, 4, 41])
        spi = r.choice([ESP_TUN, AH_TUN, 0, 1, 255, 256,
                        r.randrange(1 << 32)])
        if proto == 51:
            body = struct.pack("!BBHI", r.randrange(256), r.randrange(256),
                               0, spi)
        else:
            body = struct.pack("!I", spi)
        body += self.blob(r.choice([0, 1, 4, 8, 15, 16, 40, 300, 1400]))
        return proto, body[:r.randrange(len(body) + 1)] \
            if r.random() < 0.3 else body

    def valid(self, spi, seq):
        icmp = struct.pack("!BBHHH", 8, 0, 0, 7, seq) + b"nfsec" * 8
        icmp = icmp[:2] + struct.pack("!H", csum(icmp)) + icmp[4:]
        pt = self.trailer_ok(4, ip4(1, icmp, src=bytes([192, 0, 2, 10]),
                                    dst=bytes([203, 0, 113, 9])))
        iv = self.blob(8)
        aad = struct.pack("!II", spi, seq)
        return ip4(50, aad + iv + self.gcm.encrypt(ESP_KEY[16:] + iv, pt,
                                                   aad))

    @staticmethod
    def trailer_ok(nh, data):
        pad = (-(len(data) + 2)) % 4
        return data + bytes(range(1, pad + 1)) + bytes([pad, nh])

    def packet(self):
        r = self.r
        v6 = r.random() < 0.4
        ident = r.randrange(1 << 16)
        c = r.random()
        if c < 0.45:
            proto, body = self.esp(v6)
        elif c < 0.8:
            proto, body = self.ah(v6, ident)
        else:
            proto, body = self.raw()
        if v6:
            if r.random() < 0.1:        # a destination options header
                body = struct.pack("!BB", proto, 0) + b"\x01\x04" + \
                    b"\0" * 4 + body
                proto = 60
            return [ip6(proto, body)]
        opts = b""
        if r.random() < 0.05:
            opts = r.choice([b"\x01\x01\x01\x00", b"\x07\x07\x04" +
                             b"\0" * 5, self.blob(4 * r.randrange(1, 10))])
        pkt = ip4(proto, body, opts=opts, ident=ident)
        if r.random() < 0.08 and len(body) > 16:
            cut = (len(body) // 2) & ~7
            frags = [ip4(proto, body[:cut], opts=opts, ident=ident,
                         frag=0x2000),
                     ip4(proto, body[cut:], opts=opts, ident=ident,
                         frag=cut // 8)]
            return frags if r.random() < 0.8 else frags[::-1]
        if r.random() < 0.03:
            return [pkt[:r.randrange(1, 20)]]    # not even a header
        return [pkt]


def main():
    valid = sys.argv[1:2] == ["--valid"]
    args = sys.argv[2:] if valid else sys.argv[1:]
    if len(args) != 4:
        raise SystemExit(__doc__)
    seed, count = int(args[0], 0), int(args[1])
    ifname, dstmac = args[2], bytes.fromhex(args[3].replace(":", ""))
    with open(f"/sys/class/net/{ifname}/address") as f:
        srcmac = bytes.fromhex(f.read().strip().replace(":", ""))
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    s.bind((ifname, 0))
    g = Gen(random.Random(seed))
    if valid:
        for i in range(count):
            s.send(dstmac + srcmac + b"\x08\x00" + g.valid(seed, i + 1))
        return
    frames = 0
    for _ in range(count):
        for pkt in g.packet():
            etype = 0x86DD if pkt[0] >> 4 == 6 else 0x0800
            s.send(dstmac + srcmac + struct.pack("!H", etype) + pkt)
            frames += 1
    print(f"skbfuzz: seed {seed}, {count} packets, {frames} frames")


if __name__ == "__main__":
    main()
