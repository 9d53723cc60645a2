#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Raw generic-netlink requests to the nfsec family, for bad-input tests.

    genl.py CMD [TYPE:KIND:VALUE ...]
    genl.py CMD '[(TYPE, KIND, VALUE), ...]'

KIND is u8, u16, u32, u64, str (NUL-terminated), raw (hex bytes), flag or
nest (VALUE empty: an empty nest; in the second form VALUE is a list of
the same tuples, nested as deep as needed).  Prints 'errno=N' and, when the kernel sent
one, 'extack=MESSAGE'; exits 0 whenever a reply came back.
"""
import ast
import os
import socket
import struct
import sys

NETLINK_GENERIC = 16
GENL_ID_CTRL = 0x10
CTRL_CMD_GETFAMILY = 3
CTRL_ATTR_FAMILY_ID = 1
CTRL_ATTR_FAMILY_NAME = 2
NLM_F_REQUEST, NLM_F_ACK = 1, 4
NLMSG_ERROR = 2
NLM_F_CAPPED, NLM_F_ACK_TLVS = 0x100, 0x200
NLMSGERR_ATTR_MSG = 1
SOL_NETLINK, NETLINK_EXT_ACK, NETLINK_CAP_ACK = 270, 11, 10


def attr(atype, payload):
    hdr = struct.pack("HH", 4 + len(payload), atype)
    pad = b"\0" * ((4 - len(payload) % 4) % 4)
    return hdr + payload + pad


def encode_one(atype, kind, value):
    fmt = {"u8": "B", "u16": "H", "u32": "I", "u64": "Q"}
    if kind in fmt:
        return attr(atype, struct.pack(fmt[kind], int(str(value), 0)))
    if kind == "str":
        return attr(atype, str(value).encode() + b"\0")
    if kind == "raw":
        return attr(atype, bytes.fromhex(value))
    if kind == "flag":
        return attr(atype, b"")
    if kind == "nest":
        inner = value if isinstance(value, list) else []
        return attr(atype | 0x8000,
                    b"".join(encode_one(*t) for t in inner))
    raise SystemExit(f"genl.py: unknown kind {kind!r}")


def encode(spec):
    if spec.startswith("["):
        return b"".join(encode_one(*t) for t in ast.literal_eval(spec))
    atype, kind, value = spec.split(":", 2)
    return encode_one(int(atype), kind, value)


def attrs(buf):
    out = {}
    while len(buf) >= 4:
        alen, atype = struct.unpack("HH", buf[:4])
        if alen < 4:
            break
        out[atype & 0x3FFF] = buf[4:alen]
        buf = buf[(alen + 3) & ~3:]
    return out


def talk(sock, mtype, cmd, payload, seq):
    msg = struct.pack("BBH", cmd, 1, 0) + payload
    hdr = struct.pack("IHHII", 16 + len(msg), mtype,
                      NLM_F_REQUEST | NLM_F_ACK, seq, 0)
    sock.send(hdr + msg)
    replies = []
    while True:
        data = sock.recv(65536)
        while data:
            mlen, mt, flags, _, _ = struct.unpack("IHHII", data[:16])
            body = data[16:mlen]
            data = data[(mlen + 3) & ~3:]
            if mt != NLMSG_ERROR:
                replies.append(body)
                continue
            err = -struct.unpack("i", body[:4])[0]
            extack = ""
            if flags & NLM_F_ACK_TLVS:
                off = 4 + 16 if flags & NLM_F_CAPPED else 4 + \
                    struct.unpack("I", body[4:8])[0]
                msgattr = attrs(body[off:]).get(NLMSGERR_ATTR_MSG, b"")
                extack = msgattr.rstrip(b"\0").decode()
            return err, extack, replies


def main():
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_GENERIC)
    sock.setsockopt(SOL_NETLINK, NETLINK_EXT_ACK, 1)
    sock.setsockopt(SOL_NETLINK, NETLINK_CAP_ACK, 1)
    sock.bind((0, 0))
    err, extack, rep = talk(sock, GENL_ID_CTRL, CTRL_CMD_GETFAMILY,
                            attr(CTRL_ATTR_FAMILY_NAME, b"nfsec\0"), 1)
    if err:
        print(f"errno={err}\nextack=family lookup: {extack}")
        return
    family = struct.unpack("H", attrs(rep[0][4:])[CTRL_ATTR_FAMILY_ID][:2])[0]
    payload = b"".join(encode(s) for s in sys.argv[2:])
    err, extack, _ = talk(sock, family, int(sys.argv[1]), payload, 2)
    print(f"errno={err}")
    if extack:
        print(f"extack={extack}")


if __name__ == "__main__":
    main()
