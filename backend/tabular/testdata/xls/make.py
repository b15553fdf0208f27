#!/usr/bin/python3
"""Regenerates the .xls/.xlsx fixtures of this folder from their .fods sources.

Needs Debian's libreoffice-calc-nogui and python3-uno (see README.md). Run it
from this folder: /usr/bin/python3 make.py
"""
import os
import subprocess
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

PIPE = "cartera_xlsgen"


def props(**kw):
    out = []
    for k, v in kw.items():
        p = PropertyValue()
        p.Name, p.Value = k, v
        out.append(p)
    return tuple(out)


def connect():
    ctx = uno.getComponentContext()
    resolver = ctx.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", ctx)
    for _ in range(100):
        try:
            return resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % PIPE)
        except NoConnectException:
            time.sleep(0.2)
    raise SystemExit("LibreOffice did not start")


def url(name):
    return uno.systemPathToFileUrl(os.path.abspath(name))


def main():
    office = subprocess.Popen(["soffice", "--headless", "--invisible", "--norestore", "--nologo",
                               "--accept=pipe,name=%s;urp;" % PIPE])
    try:
        ctx = connect()
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        for src in sorted(f for f in os.listdir(".") if f.endswith(".fods")):
            base = src[:-5]
            doc = desktop.loadComponentFromURL(url(src), "_blank", 0, props(Hidden=True))
            doc.calculateAll()
            doc.storeToURL(url(base + ".xls"), props(FilterName="MS Excel 97"))
            doc.storeToURL(url(base + ".xlsx"), props(FilterName="Calc MS Excel 2007 XML"))
            if base == "cuentas":
                # The same small sheet with a password to open it.
                doc.storeToURL(url("clave.xls"), props(FilterName="MS Excel 97", Password="clave"))
            doc.close(True)
            print("made", base)
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        office.wait(timeout=30)


if __name__ == "__main__":
    main()
