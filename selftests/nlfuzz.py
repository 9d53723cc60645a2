#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Seeded fuzzing of the nfsec generic-netlink family.

    nlfuzz.py SEED COUNT IFINDEX

Sends COUNT requests to the family in the caller's network namespace and
reads every answer.  Each request is one of: a well-formed request of some
command (so SAs, reservations, entries and bindings exist for the others
to meet); one mutated attribute by attribute (dropped, repeated, retyped,
resized, its value replaced by a boundary value or random bytes, nests
filled with garbage or nested deep); one mutated byte by byte (lengths in
the attribute headers included); or a random tree of attributes.  Commands
are drawn from the whole table and beyond it; GET commands are sometimes
dumps.  IFINDEX is an interface of the namespace that maps may bind to.

The same SEED gives the same requests.  Prints one line of counts per
errno and exits 1 when a request got no answer, or an answer that is not
well-formed netlink.  The kernel's own checks (KASAN, lockdep, kmemleak,
WARN) are read from its log by the harness.
"""
import os
import random
import socket
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import genl  # noqa: E402  (the family lookup and attribute helpers)

NLMSG_ERROR, NLMSG_DONE = 2, 3
NLM_F_REQUEST, NLM_F_ACK, NLM_F_DUMP = 1, 4, 0x300
NLA_F_NESTED = 0x8000

# Commands (uapi/linux/nfsec.h)
(GET_STATUS, NEW_SA, UPDATE_SA, DEL_SA, GET_SA, ALLOC_SPI, NEW_POLICY,
 DEL_POLICY, GET_POLICY, BIND_MAP, UNBIND_MAP, GET_BINDING, FLUSH,
 GET_COUNTERS, CLEAR_COUNTERS, ACQUIRE, EXPIRE) = range(1, 18)
CMD_LAST = EXPIRE
DUMPABLE = (GET_SA, GET_POLICY, GET_BINDING)

V4 = [bytes([198, 51, 100, i]) for i in (1, 2)]
V6 = [bytes.fromhex("20010db8000000000000000000000001"),
      bytes.fromhex("20010db8000000000000000000000002")]


# A request is a list of attributes: (type, bytes) or (type, [children]).
def u8(v): return struct.pack("B", v)
def u16(v): return struct.pack("H", v)
def u32(v): return struct.pack("I", v)
def u64(v): return struct.pack("Q", v)


class Gen:
    def __init__(self, rnd, ifindex):
        self.r = rnd
        self.ifindex = ifindex

    def spi(self):
        return self.r.choice([0x1001, 0x1002, 0x2000, 256,
                              self.r.randrange(256, 1 << 32)])

    def addrs(self):
        if self.r.random() < 0.7:
            return 2, V4
        return 10, V6

    def key(self, n):
        return bytes(self.r.randrange(256) for _ in range(n))

    def lifetime(self):
        return (18, [(t, u64(self.r.choice([0, 1, 10, 100, 1 << 40])))
                     for t in range(2, 8) if self.r.random() < 0.5])

    def selector(self, fam, addrs):
        s = [(1, u8(fam))]
        if self.r.random() < 0.5:
            s.append((4, addrs[1]))
        if self.r.random() < 0.5:
            s.append((5, b"\xff" * (len(addrs[1]) - 1) + b"\x00"))
        if self.r.random() < 0.5:
            s.append((6, u8(self.r.choice([6, 17, 1, 58, 50, 0]))))
            lo = self.r.randrange(0, 70000) & 0xFFFF
            s += [(9, u16(lo)), (10, u16(min(0xFFFF, lo + 10)))]
        return s

    def sa(self):
        fam, a = self.addrs()
        ah = self.r.random() < 0.3
        attrs = [(2, u32(self.spi())), (3, u8(51 if ah else 50)),
                 (4, u8(fam)), (5, a[1]), (6, a[0]),
                 (7, u8(self.r.randrange(2))), (8, u8(self.r.randrange(2)))]
        if ah:
            attrs += [(11, u8(self.r.randrange(1, 6))),
                      (12, self.key(self.r.choice([16, 20, 32, 64])))]
        elif self.r.random() < 0.5:
            attrs += [(9, u8(5)), (10, self.key(20))]
        else:
            attrs += [(9, u8(self.r.randrange(1, 8))),
                      (10, self.key(self.r.choice([8, 16, 24, 32, 36]))),
                      (11, u8(self.r.randrange(0, 6))),
                      (12, self.key(20))]
        if self.r.random() < 0.3:
            attrs.append((13, b""))
        if self.r.random() < 0.5:
            attrs.append((14, u32(self.r.choice([0, 32, 64, 4096]))))
        if self.r.random() < 0.4:
            attrs += [(15, b"m\0"), (16, u32(self.r.choice([10, 20])))]
        if self.r.random() < 0.3:
            attrs.append((17, self.selector(fam, a)))
        if self.r.random() < 0.3:
            attrs.append(self.lifetime())
        return [(5, attrs)]

    def sa_key(self):
        fam, a = self.addrs()
        return [(5, [(2, u32(self.spi())), (3, u8(50)), (4, u8(fam)),
                     (6, a[0])])]

    def policy(self):
        fam, a = self.addrs()
        rules = [(1, [(2, u8(self.r.randrange(4))),
                      (3, self.selector(fam, a))])
                 for _ in range(self.r.choice([1, 1, 2, 5, 40]))]
        p = [(2, b"m\0"), (3, u32(self.r.choice([10, 20, 30]))),
             (4, u8(fam)), (5, a[1]), (6, a[0]),
             (7, u8(self.r.randrange(2))), (8, u8(self.r.randrange(1, 4))),
             (12, rules)]
        if self.r.random() < 0.3:
            p.append(self.lifetime())
        if self.r.random() < 0.3:
            p.append((9, u32(self.r.choice([0, 64, 1024]))))
        return [(6, p)]

    def well_formed(self, cmd):
        r = self.r
        if cmd == NEW_SA:
            return self.sa()
        if cmd == UPDATE_SA:
            return [(5, self.sa_key()[0][1] + [self.lifetime()])]
        if cmd in (DEL_SA, GET_SA):
            return self.sa_key() if r.random() < 0.8 else []
        if cmd == ALLOC_SPI:
            lo = r.choice([256, 0x1000, 1 << 31])
            return self.sa_key() + [(10, u32(lo)), (11, u32(lo + 10))]
        if cmd == NEW_POLICY:
            return self.policy()
        if cmd in (DEL_POLICY, GET_POLICY):
            return [(6, [(2, b"m\0"), (3, u32(r.choice([10, 20, 30])))])]
        if cmd == BIND_MAP:
            return [(7, b"m\0"), (8, u32(self.ifindex))] + \
                ([(20, b"")] if r.random() < 0.3 else [])
        if cmd == UNBIND_MAP:
            return [(8, u32(self.ifindex))]
        if cmd == FLUSH:
            scope = r.randrange(5)
            extra = {1: self.sa_key(), 2: [(7, b"m\0")], 3: self.sa_key()}
            return [(12, u8(scope))] + extra.get(scope, [])
        return []

    def boundary(self, v):
        n = len(v)
        if n in (1, 2, 4, 8):
            top = (1 << (8 * n)) - 1
            val = self.r.choice([0, 1, top, top - 1, top >> 1,
                                 (top >> 1) + 1, 255, 256, 65535, 65536])
            return (val & top).to_bytes(n, "little")
        return self.key(self.r.choice([0, 1, 3, 4, 15, 16, 17, 64, 300]))

    def mutate(self, attrs, depth=0):
        r = self.r
        out = []
        for t, v in attrs:
            c = r.random()
            if c < 0.05:
                continue                                # dropped
            if c < 0.10:
                out.append((t, v))                      # repeated
            if c < 0.15:
                t = r.choice([0, 1, t + 1, t - 1, 30, 0x3fff])
            if isinstance(v, list):
                if c < 0.20:
                    v = self.random_tree(depth + 1)
                elif c < 0.25:
                    v = self.key(r.randrange(0, 40))    # nest of garbage
                elif depth < 3:
                    v = self.mutate(v, depth + 1)
            elif c < 0.35:
                v = self.boundary(v)
            elif c < 0.40:
                v = v[:r.randrange(len(v) + 1)] if v else b"\0"
            elif c < 0.45:
                v = v + self.key(r.randrange(1, 9))
            out.append((t, v))
        if r.random() < 0.1:
            out.append(self.random_attr(depth))
        if r.random() < 0.03:
            deep = [(1, [])]
            for _ in range(r.randrange(2, 40)):
                deep = [(r.randrange(1, 25), deep)]
            out += deep
        return out

    def random_attr(self, depth):
        t = self.r.randrange(0, 25)
        if depth < 4 and self.r.random() < 0.3:
            return (t, self.random_tree(depth + 1))
        return (t, self.key(self.r.choice([0, 1, 2, 4, 8, 16, 20, 33])))

    def random_tree(self, depth=0):
        return [self.random_attr(depth)
                for _ in range(self.r.randrange(0, 6))]

    def flip(self, data):
        b = bytearray(data)
        for _ in range(self.r.randrange(1, 8)):
            if not b:
                break
            i = self.r.randrange(len(b))
            b[i] = self.r.choice([b[i] ^ (1 << self.r.randrange(8)), 0,
                                  0xff, self.r.randrange(256)])
        if self.r.random() < 0.3:
            b = b[:self.r.randrange(len(b) + 1)]
        return bytes(b)


def encode(attrs):
    out = b""
    for t, v in attrs:
        if isinstance(v, list):
            out += genl.attr((t & 0x3fff) | NLA_F_NESTED, encode(v))
        else:
            out += genl.attr(t & 0xffff, v[:65000])
    return out


def talk(sock, family, cmd, flags, payload, seq):
    """The request's errno, or None when the answer was not netlink."""
    msg = struct.pack("BBH", cmd, 1, 0) + payload
    sock.send(struct.pack("IHHII", 16 + len(msg), family,
                          NLM_F_REQUEST | NLM_F_ACK | flags, seq, 0) + msg)
    while True:
        data = sock.recv(1 << 20)
        while data:
            if len(data) < 16:
                return None
            mlen, mtype, _, rseq, _ = struct.unpack("IHHII", data[:16])
            if mlen < 16 or mlen > len(data):
                return None
            body = data[16:mlen]
            data = data[(mlen + 3) & ~3:]
            if rseq != seq:
                continue
            if mtype == NLMSG_DONE:     # a dump's end, no ACK after it
                return -struct.unpack("i", body[:4])[0] if body else 0
            if mtype == NLMSG_ERROR:
                return -struct.unpack("i", body[:4])[0]


def main():
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    seed, count, ifindex = (int(a) for a in sys.argv[1:])
    sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 16)
    sock.setsockopt(genl.SOL_NETLINK, genl.NETLINK_EXT_ACK, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 21)
    sock.settimeout(10)
    sock.bind((0, 0))
    err, extack, rep = genl.talk(sock, genl.GENL_ID_CTRL,
                                 genl.CTRL_CMD_GETFAMILY,
                                 genl.attr(genl.CTRL_ATTR_FAMILY_NAME,
                                           b"nfsec\0"), 1)
    if err:
        raise SystemExit(f"nlfuzz: family lookup: {extack}")
    family = struct.unpack("H", genl.attrs(rep[0][4:])
                           [genl.CTRL_ATTR_FAMILY_ID][:2])[0]
    rnd = random.Random(seed)
    g = Gen(rnd, ifindex)
    errnos = {}
    bad = 0
    for i in range(count):
        how = rnd.random()
        cmd = rnd.randrange(1, CMD_LAST + 1)
        if rnd.random() < 0.03:
            cmd = rnd.choice([0, CMD_LAST + 1, 100, 255])
        flags = NLM_F_DUMP if cmd in DUMPABLE and rnd.random() < 0.3 else 0
        attrs = g.well_formed(cmd)
        if how < 0.3:
            payload = encode(attrs)
        elif how < 0.75:
            payload = encode(g.mutate(attrs))
        elif how < 0.9:
            payload = g.flip(encode(attrs))
        else:
            payload = encode(g.random_tree())
        try:
            e = talk(sock, family, cmd, flags, payload, 100 + i)
        except socket.timeout:
            e = None
        if e is None:
            bad += 1
            print(f"nlfuzz: request {i} (cmd {cmd}) got no well-formed "
                  f"answer: {payload.hex()}")
            if bad > 5:
                break
        errnos[e] = errnos.get(e, 0) + 1
    print(f"nlfuzz: seed {seed}, {count} requests, errnos " +
          " ".join(f"{k}:{v}" for k, v in sorted(errnos.items(),
                                                   key=lambda x: str(x[0]))))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
