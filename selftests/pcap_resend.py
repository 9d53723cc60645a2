#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Resend the first IPv4 ESP packet of a pcap file (Ethernet link type),
optionally with one byte flipped or a different SPI, through a raw socket
from the current network namespace.

  pcap_resend.py FILE [--flip OFFSET] [--spi HEX] [--count N]

OFFSET counts from the start of the ESP header.  Prints what it sent.
"""
import argparse
import socket
import struct
import sys


def first_esp(path):
    with open(path, "rb") as f:
        data = f.read()
    off = 24
    while off + 16 <= len(data):
        incl = struct.unpack_from("<I", data, off + 8)[0]
        frame = data[off + 16:off + 16 + incl]
        off += 16 + incl
        if len(frame) > 34 and frame[12:14] == b"\x08\x00" and frame[23] == 50:
            return bytearray(frame[14:])
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pcap")
    ap.add_argument("--flip", type=int)
    ap.add_argument("--spi")
    ap.add_argument("--count", type=int, default=1)
    a = ap.parse_args()
    pkt = first_esp(a.pcap)
    if pkt is None:
        sys.exit("no IPv4 ESP packet in " + a.pcap)
    ihl = (pkt[0] & 15) * 4
    if a.flip is not None:
        pkt[ihl + a.flip] ^= 0x01
    if a.spi:
        struct.pack_into(">I", pkt, ihl, int(a.spi, 16))
    dst = socket.inet_ntoa(bytes(pkt[16:20]))
    s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_RAW)
    for _ in range(a.count):
        s.sendto(bytes(pkt), (dst, 0))
    spi = struct.unpack_from(">I", pkt, ihl)[0]
    print("sent %d ESP packet(s) to %s spi 0x%08x" % (a.count, dst, spi))


main()
