#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Resend the first IPv4 ESP or AH packet of a pcap file (Ethernet link
type), optionally with one byte flipped, a different SPI, or other values
in the header fields AH leaves out of its ICV (TTL, TOS), through a raw
socket from the current network namespace.

  pcap_resend.py FILE [--flip OFFSET] [--spi HEX] [--ttl N] [--tos N]
                 [--count N] [--too-big MTU]

OFFSET counts from the start of the ESP or AH header.  --too-big sends,
instead of the packet, an ICMP "fragmentation needed" with MTU to its
source, quoting its header and 8 bytes (after the other changes).  Prints
what it sent.
"""
import argparse
import socket
import struct
import sys


def first_ipsec(path):
    with open(path, "rb") as f:
        data = f.read()
    off = 24
    while off + 16 <= len(data):
        incl = struct.unpack_from("<I", data, off + 8)[0]
        frame = data[off + 16:off + 16 + incl]
        off += 16 + incl
        if (len(frame) > 34 and frame[12:14] == b"\x08\x00" and
                frame[23] in (50, 51)):
            return bytearray(frame[14:])
    return None


def checksum(b):
    if len(b) % 2:
        b += b"\0"
    c = sum(struct.unpack(">%dH" % (len(b) // 2), b))
    c = (c >> 16) + (c & 0xFFFF)
    return ~(c + (c >> 16)) & 0xFFFF


def send_too_big(pkt, ihl, mtu):
    msg = bytearray(struct.pack(">BBHHH", 3, 4, 0, 0, mtu) + pkt[:ihl + 8])
    struct.pack_into(">H", msg, 2, checksum(bytes(msg)))
    src = socket.inet_ntoa(bytes(pkt[12:16]))
    s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)
    s.sendto(bytes(msg), (src, 0))
    print("sent ICMP fragmentation needed (mtu %d) to %s" % (mtu, src))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pcap")
    ap.add_argument("--flip", type=int)
    ap.add_argument("--spi")
    ap.add_argument("--ttl", type=lambda v: int(v, 0))
    ap.add_argument("--tos", type=lambda v: int(v, 0))
    ap.add_argument("--count", type=int, default=1)
    ap.add_argument("--too-big", type=int)
    a = ap.parse_args()
    pkt = first_ipsec(a.pcap)
    if pkt is None:
        sys.exit("no IPv4 ESP or AH packet in " + a.pcap)
    ihl = (pkt[0] & 15) * 4
    proto = "AH" if pkt[9] == 51 else "ESP"
    spi_off = ihl + (4 if proto == "AH" else 0)
    if a.flip is not None:
        pkt[ihl + a.flip] ^= 0x01
    if a.spi:
        struct.pack_into(">I", pkt, spi_off, int(a.spi, 16))
    if a.ttl is not None:
        pkt[8] = a.ttl
    if a.tos is not None:
        pkt[1] = a.tos
    if a.too_big:
        send_too_big(pkt, ihl, a.too_big)
        return
    dst = socket.inet_ntoa(bytes(pkt[16:20]))
    s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_RAW)
    for _ in range(a.count):
        s.sendto(bytes(pkt), (dst, 0))
    spi = struct.unpack_from(">I", pkt, spi_off)[0]
    print("sent %d %s packet(s) to %s spi 0x%08x" % (a.count, proto, dst, spi))


main()
