#!/usr/bin/env python3
"""Regenerates the hand-made WBXML fixtures and their expected XML twins.

Run from anywhere:  python3 make_wbxml_fixtures.py
Output goes next to this script: NN-name.wbxml and NN-name.expected.xml.
The output is deterministic (no time stamps, no randomness), so running it
again must leave `git status` clean.

Every document is described once, as a small element tree, and written
twice by independent rules taken from the WBXML 1.3 / SyncML DM 1.2 specs
(see docs reference digest sections 5.1-5.7):

* WBXML: header (version, public id, charset, string table), tag tokens from
  code page 0 (SyncML) and 1 (MetInf), content flag 0x40, END 0x01,
  SWITCH_PAGE 0x00 emitted only before a start tag whose page differs from
  the current one (the page is global state; END never restores it),
  STR_I 0x03, STR_T 0x83, OPAQUE 0xC3.
* XML: compact, no declaration, MetInf elements carry
  xmlns="syncml:metinf", text is escaped (&amp; &lt; &gt;), STR_T and
  OPAQUE content is written as the text it stands for, and the MetInf
  wrapper element (page 1, 0x0E) is dropped with its children kept in
  place, because decoders must ignore the wrapper.

This script never uses the project's codec, so the expected XML is an
independent statement of what each WBXML file means.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# Code page 0: SyncML (SYNCML:SYNCML1.x); reference section 5.3.
PAGE0 = {
    "Add": 0x05, "Alert": 0x06, "Archive": 0x07, "Atomic": 0x08, "Chal": 0x09,
    "Cmd": 0x0A, "CmdID": 0x0B, "CmdRef": 0x0C, "Copy": 0x0D, "Cred": 0x0E,
    "Data": 0x0F, "Delete": 0x10, "Exec": 0x11, "Final": 0x12, "Get": 0x13,
    "Item": 0x14, "Lang": 0x15, "LocName": 0x16, "LocURI": 0x17, "Map": 0x18,
    "MapItem": 0x19, "Meta": 0x1A, "MsgID": 0x1B, "MsgRef": 0x1C,
    "NoResp": 0x1D, "NoResults": 0x1E, "Put": 0x1F, "Replace": 0x20,
    "RespURI": 0x21, "Results": 0x22, "Search": 0x23, "Sequence": 0x24,
    "SessionID": 0x25, "SftDel": 0x26, "Source": 0x27, "SourceRef": 0x28,
    "Status": 0x29, "Sync": 0x2A, "SyncBody": 0x2B, "SyncHdr": 0x2C,
    "SyncML": 0x2D, "Target": 0x2E, "TargetRef": 0x2F, "VerDTD": 0x31,
    "VerProto": 0x32, "NumberOfChanges": 0x33, "MoreData": 0x34,
    "Correlator": 0x3C,
}
# Code page 1: MetInf (syncml:metinf); reference section 5.4.
PAGE1 = {
    "Anchor": 0x05, "EMI": 0x06, "Format": 0x07, "FreeID": 0x08,
    "FreeMem": 0x09, "Last": 0x0A, "Mark": 0x0B, "MaxMsgSize": 0x0C,
    "Mem": 0x0D, "MetInf": 0x0E, "Next": 0x0F, "NextNonce": 0x10,
    "SharedMem": 0x11, "Size": 0x12, "Type": 0x13, "Version": 0x14,
    "MaxObjSize": 0x15, "FieldLevel": 0x16,
}

SWITCH_PAGE, END, STR_I, STR_T, OPAQUE = 0x00, 0x01, 0x03, 0x83, 0xC3
UTF8, ISO_8859_1 = 0x6A, 0x04


class Opaque:
    """OPAQUE content: raw bytes (here always text, so XML can state it)."""

    def __init__(self, data: bytes):
        self.data = data


class StrT:
    """STR_T content: a reference to a NUL-terminated string in the table."""

    def __init__(self, offset: int):
        self.offset = offset


def E(name, *content):
    """An element. E('Final') with no content is written as an empty tag."""
    return (name, list(content))


def mb_u_int32(value: int) -> bytes:
    groups = [value & 0x7F]
    value >>= 7
    while value:
        groups.append(0x80 | (value & 0x7F))
        value >>= 7
    return bytes(reversed(groups))


def page_and_token(name):
    if name in PAGE0:
        return 0, PAGE0[name]
    return 1, PAGE1[name]


class WBXMLWriter:
    def __init__(self, charset_codec):
        self.out = bytearray()
        self.page = 0
        self.codec = charset_codec

    def element(self, node):
        name, content = node
        page, token = page_and_token(name)
        if page != self.page:
            self.out += bytes([SWITCH_PAGE, page])
            self.page = page
        if not content:
            self.out.append(token)
            return
        self.out.append(token | 0x40)
        for item in content:
            if isinstance(item, tuple):
                self.element(item)
            elif isinstance(item, str):
                self.out.append(STR_I)
                self.out += item.encode(self.codec) + b"\x00"
            elif isinstance(item, Opaque):
                self.out.append(OPAQUE)
                self.out += mb_u_int32(len(item.data)) + item.data
            elif isinstance(item, StrT):
                self.out.append(STR_T)
                self.out += mb_u_int32(item.offset)
            else:
                raise TypeError(item)
        self.out.append(END)


def xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def table_string(table: bytes, offset: int, codec: str) -> str:
    end = table.index(b"\x00", offset)
    return table[offset:end].decode(codec)


def to_xml(node, root_ns, table: bytes, codec: str) -> str:
    name, content = node
    page, _ = page_and_token(name)
    if name == "MetInf":
        # The wrapper is transparent: its children stand directly in Meta.
        return "".join(to_xml(child, root_ns, table, codec) for child in content)
    if name == "SyncML":
        start = f'<SyncML xmlns="{root_ns}">'
    elif page == 1:
        start = f'<{name} xmlns="syncml:metinf">'
    else:
        start = f"<{name}>"
    if not content:
        return start[:-1] + "/>"
    inner = []
    for item in content:
        if isinstance(item, tuple):
            inner.append(to_xml(item, root_ns, table, codec))
        elif isinstance(item, str):
            inner.append(xml_escape(item))
        elif isinstance(item, Opaque):
            inner.append(xml_escape(item.data.decode("utf-8")))
        elif isinstance(item, StrT):
            inner.append(xml_escape(table_string(table, item.offset, codec)))
    return start + "".join(inner) + f"</{name}>"


FPI_12 = b"-//SYNCML//DTD SyncML 1.2//EN"


def document(version, public_id, charset, table, root, root_ns):
    """public_id: an int for the numeric form, or None for the literal form
    (0x00 then the index 0 of the FPI in the string table)."""
    codec = "utf-8" if charset == UTF8 else "latin-1"
    header = bytearray([version])
    if public_id is None:
        header += b"\x00" + mb_u_int32(0)
    else:
        header += mb_u_int32(public_id)
    header += mb_u_int32(charset)
    header += mb_u_int32(len(table)) + table
    writer = WBXMLWriter(codec)
    writer.element(root)
    xml = to_xml(root, root_ns, table, codec) + "\n"
    return bytes(header + writer.out), xml


def hdr(session, msg, target, source, *extra, ver="1.2"):
    return E("SyncHdr", E("VerDTD", ver), E("VerProto", "DM/" + ver),
             E("SessionID", session), E("MsgID", msg),
             E("Target", E("LocURI", target)), E("Source", E("LocURI", source)),
             *extra)


DEV_D = "IMEI:493005100592800"
SRV_D = "http://dm.example.com/dm"


def reference_message():
    """Reference section 5.7: server package 2, 174 bytes."""
    return E("SyncML",
             hdr("1", "1", DEV_D, SRV_D, E("Meta", E("MaxMsgSize", "8192"))),
             E("SyncBody",
               E("Status", E("CmdID", "1"), E("MsgRef", "1"), E("CmdRef", "0"),
                 E("Cmd", "SyncHdr"), E("Data", "212")),
               E("Get", E("CmdID", "2"),
                 E("Item", E("Target", E("LocURI", "./DevDetail/SwV")))),
               E("Final")))


REFERENCE_HEX = (
    "02 a4 01 6a 00 6d 6c 71 03 31 2e 32 00 01 72 03 44 4d 2f 31 2e 32 00 01 65 03 31 00 01 5b 03 "
    "31 00 01 6e 57 03 49 4d 45 49 3a 34 39 33 30 30 35 31 30 30 35 39 32 38 30 30 00 01 01 67 57 "
    "03 68 74 74 70 3a 2f 2f 64 6d 2e 65 78 61 6d 70 6c 65 2e 63 6f 6d 2f 64 6d 00 01 01 5a 00 01 "
    "4c 03 38 31 39 32 00 01 01 01 00 00 6b 69 4b 03 31 00 01 5c 03 31 00 01 4c 03 30 00 01 4a 03 "
    "53 79 6e 63 48 64 72 00 01 4f 03 32 31 32 00 01 01 53 4b 03 32 00 01 54 6e 57 03 2e 2f 44 65 "
    "76 44 65 74 61 69 6c 2f 53 77 56 00 01 01 01 01 12 01 01")

NS12, NS11 = "SYNCML:SYNCML1.2", "SYNCML:SYNCML1.1"
SRV = "https://dms.example.net/oma/dm"


def fixtures():
    out = []

    # 01: the reference example, byte for byte.
    out.append(("01-reference-174-bytes", document(0x02, 0x1201, UTF8, b"", reference_message(), NS12)))

    # 02/03: the same message with the literal public identifier in the
    # string table, without and with a terminating NUL.
    out.append(("02-literal-public-id-no-nul",
                document(0x02, None, UTF8, FPI_12, reference_message(), NS12)))
    out.append(("03-literal-public-id-with-nul",
                document(0x02, None, UTF8, FPI_12 + b"\x00", reference_message(), NS12)))

    # 04: WBXML 1.1 header, client package 1 with MaxMsgSize and MaxObjSize
    # (MaxObjSize is 0x15 on page 1, the same byte as Lang on page 0).
    dev_b = "IMEI:490154203237518"
    pkg1 = E("SyncML",
             hdr("1A2F", "1", SRV, dev_b,
                 E("Meta", E("MaxMsgSize", "8192"), E("MaxObjSize", "262144"))),
             E("SyncBody",
               E("Alert", E("CmdID", "1"), E("Data", "1200")),
               E("Replace", E("CmdID", "2"),
                 E("Item", E("Source", E("LocURI", "./DevInfo/DevId")), E("Data", dev_b)),
                 E("Item", E("Source", E("LocURI", "./DevInfo/Man")), E("Data", "Nordlicht GmbH")),
                 E("Item", E("Source", E("LocURI", "./DevInfo/Mod")), E("Data", "K19 Terminal")),
                 E("Item", E("Source", E("LocURI", "./DevInfo/DmV")), E("Data", "1.2")),
                 E("Item", E("Source", E("LocURI", "./DevInfo/Lang")), E("Data", "de-DE"))),
               E("Final")))
    out.append(("04-wbxml-version-1-1", document(0x01, 0x1201, UTF8, b"", pkg1, NS12)))

    # 05: WBXML 1.3 header, client package 3 with Status and Results whose
    # Items carry MetInf Format/Type (page switches inside every Item).
    dev_a = "IMEI:356938035643809"
    pkg3 = E("SyncML",
             hdr("3F", "2", SRV, dev_a),
             E("SyncBody",
               E("Status", E("CmdID", "1"), E("MsgRef", "1"), E("CmdRef", "0"), E("Cmd", "SyncHdr"),
                 E("TargetRef", dev_a), E("SourceRef", SRV), E("Data", "200")),
               E("Status", E("CmdID", "2"), E("MsgRef", "1"), E("CmdRef", "4"), E("Cmd", "Get"),
                 E("Data", "200")),
               E("Results", E("CmdID", "3"), E("MsgRef", "1"), E("CmdRef", "4"),
                 E("Item", E("Source", E("LocURI", "./DevDetail/SwV")),
                   E("Meta", E("Format", "chr"), E("Type", "text/plain")), E("Data", "4.2.17-rel")),
                 E("Item", E("Source", E("LocURI", "./DevDetail/LrgObj")),
                   E("Meta", E("Format", "bool")), E("Data", "true"))),
               E("Final")))
    out.append(("05-wbxml-version-1-3", document(0x03, 0x1201, UTF8, b"", pkg3, NS12)))

    # 06: Data as OPAQUE: base64 text, a status code and UTF-8 text.
    dev_c = "IMEI:353918057791021"
    opaque = E("SyncML",
               hdr("B08", "2", dev_c, SRV),
               E("SyncBody",
                 E("Status", E("CmdID", "1"), E("MsgRef", "1"), E("CmdRef", "0"), E("Cmd", "SyncHdr"),
                   E("TargetRef", SRV), E("SourceRef", dev_c), E("Data", Opaque(b"212"))),
                 E("Replace", E("CmdID", "2"),
                   E("Meta", E("Format", "b64"), E("Type", "application/octet-stream")),
                   E("Item", E("Target", E("LocURI", "./FwUpdate/x1/Update/PkgData")),
                     E("Data", Opaque(b"CzBVep/E6Q4zWH2ix+wRNluApcrvFDleg6jN8hc8")))),
                 E("Replace", E("CmdID", "3"),
                   E("Item", E("Target", E("LocURI", "./Vendor/Orbis/Owner")),
                     E("Data", Opaque("Jürgen Müller <Lyon>".encode("utf-8"))))),
                 E("Final")))
    out.append(("06-data-opaque", document(0x02, 0x1201, UTF8, b"", opaque, NS12)))

    # 07: Data (and a LocURI and a Meta Type) as STR_T into the string table.
    table7 = (dev_c.encode() + b"\x00"                                      # offset 0
              + b"./FwUpdate/x1\x00"                                         # offset 21
              + b"org.openmobilealliance.dm.firmwareupdate.download\x00"    # offset 35
              + b"410\x00")                                                  # offset 85
    assert table7.index(b"./FwUpdate") == 21 and table7.index(b"org.") == 35 and table7.index(b"410") == 85
    strt = E("SyncML",
             hdr("C1", "1", SRV, dev_c),
             E("SyncBody",
               E("Alert", E("CmdID", "1"), E("Data", "1201")),
               E("Replace", E("CmdID", "2"),
                 E("Item", E("Source", E("LocURI", "./DevInfo/DevId")), E("Data", StrT(0)))),
               E("Alert", E("CmdID", "3"), E("Data", "1226"), E("Correlator", "fumo-B07-0001"),
                 E("Item", E("Source", E("LocURI", StrT(21))),
                   E("Meta", E("Type", StrT(35)), E("Format", "int"), E("Mark", "critical")),
                   E("Data", StrT(85)))),
               E("Final")))
    out.append(("07-data-str-t", document(0x02, 0x1201, UTF8, table7, strt, NS12)))

    # 08: Data as a mixed sequence of STR_I, OPAQUE and STR_T pieces, which a
    # decoder must concatenate in order.
    table8 = b"-tail\x00"
    mixed = E("SyncML",
              hdr("D2", "3", dev_a, SRV),
              E("SyncBody",
                E("Replace", E("CmdID", "1"),
                  E("Item", E("Target", E("LocURI", "./Vendor/Acme/Browser/Filter")),
                    E("Data", "<deny/>", Opaque(b"&"), "<allow/>")),
                  E("Item", E("Target", E("LocURI", "./Vendor/Acme/Browser/Title")),
                    E("Data", Opaque("Zürich".encode("utf-8")), " office", StrT(0))),
                  E("Item", E("Target", E("LocURI", "./Vendor/Acme/Browser/Split")),
                    E("Data", "ab", "cd"))),
                E("Final")))
    out.append(("08-data-mixed-str-i-opaque-str-t", document(0x02, 0x1201, UTF8, table8, mixed, NS12)))

    # 09: MetInf wrapper (page 1, 0x0E) inside Meta, in Cred and in an Item.
    wrapped = E("SyncML",
                hdr("3F", "1", SRV, dev_a,
                    E("Cred",
                      E("Meta", E("MetInf", E("Type", "syncml:auth-md5"), E("Format", "b64"))),
                      E("Data", "3GH5uVPLQzS2Yenxs3YYyQ==")),
                    E("Meta", E("MetInf", E("MaxMsgSize", "16384")))),
                E("SyncBody",
                  E("Alert", E("CmdID", "1"), E("Data", "1201")),
                  E("Alert", E("CmdID", "2"), E("Data", "1226"),
                    E("Item", E("Source", E("LocURI", "./FwUpdate/x1")),
                      E("Meta", E("MetInf",
                                  E("Type", "org.openmobilealliance.dm.firmwareupdate.update"),
                                  E("Format", "int"))),
                      E("Data", "200"))),
                  E("Final")))
    out.append(("09-metinf-wrapper", document(0x02, 0x1201, UTF8, b"", wrapped, NS12)))

    # 10: ISO-8859-1 charset (MIBenum 4): STR_I bytes are Latin-1, e.g. 0xFC.
    latin = E("SyncML",
              hdr("D1", "2", SRV, dev_b),
              E("SyncBody",
                E("Status", E("CmdID", "1"), E("MsgRef", "1"), E("CmdRef", "0"), E("Cmd", "SyncHdr"),
                  E("TargetRef", dev_b), E("SourceRef", SRV), E("Data", "200")),
                E("Results", E("CmdID", "2"), E("MsgRef", "1"), E("CmdRef", "2"),
                  E("Item", E("Source", E("LocURI", "./Vendor/Nordlicht/Owner/Name")),
                    E("Data", "Jürgen Müller")),
                  E("Item", E("Source", E("LocURI", "./Vendor/Nordlicht/Owner/City")),
                    E("Data", "Düsseldorf, Königsallee 1½"))),
                E("Final")))
    out.append(("10-charset-iso-8859-1", document(0x02, 0x1201, ISO_8859_1, b"", latin, NS12)))

    # 11: SyncML 1.1 numeric public id 0x0FD3 (DM 1.1.2 client package 1).
    dev_o = "IMEI:013728007261145"
    srv_o = "http://legacy-dm.example.org/sync"
    v11 = E("SyncML",
            hdr("7", "1", srv_o, dev_o, E("Meta", E("MaxMsgSize", "3584")), ver="1.1"),
            E("SyncBody",
              E("Alert", E("CmdID", "1"), E("Data", "1201")),
              E("Replace", E("CmdID", "2"),
                E("Item", E("Source", E("LocURI", "./DevInfo/DevId")), E("Data", dev_o)),
                E("Item", E("Source", E("LocURI", "./DevInfo/DmV")), E("Data", "1.1.2"))),
              E("Final")))
    out.append(("11-syncml-1-1-public-id", document(0x02, 0x0FD3, UTF8, b"", v11, NS11)))

    return out


def main():
    produced = fixtures()
    reference = bytes.fromhex(REFERENCE_HEX.replace(" ", ""))
    first = produced[0][1][0]
    if first != reference or len(first) != 174:
        sys.exit("01-reference-174-bytes does not match reference section 5.7")
    for name, (wbxml, xml) in produced:
        with open(os.path.join(HERE, name + ".wbxml"), "wb") as f:
            f.write(wbxml)
        with open(os.path.join(HERE, name + ".expected.xml"), "w", encoding="utf-8", newline="\n") as f:
            f.write(xml)
        print(f"{name}.wbxml: {len(wbxml)} bytes")


if __name__ == "__main__":
    main()
