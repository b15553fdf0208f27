#!/usr/bin/python3
"""Writes the .fods sources of this folder (LibreOffice flat XML spreadsheets).

Run from this folder: /usr/bin/python3 fods.py . ; then make.py turns them into .xls and .xlsx.
"""
import sys, os
from xml.sax.saxutils import escape, quoteattr
out = sys.argv[1]

HEAD = '''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
<number:date-style style:name="Ndmy"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>
<number:date-style style:name="Ndm"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/></number:date-style>
<number:date-style style:name="Nmdy"><number:month/><number:text>/</number:text><number:day/><number:text>/</number:text><number:year number:style="long"/></number:date-style>
<number:date-style style:name="Ndmmmy"><number:day/><number:text>-</number:text><number:month number:textual="true"/><number:text>-</number:text><number:year number:style="long"/></number:date-style>
<number:boolean-style style:name="Nbool"><number:boolean/></number:boolean-style>
<style:style style:name="dmy" style:family="table-cell" style:data-style-name="Ndmy"/>
<style:style style:name="dm" style:family="table-cell" style:data-style-name="Ndm"/>
<style:style style:name="mdy" style:family="table-cell" style:data-style-name="Nmdy"/>
<style:style style:name="dmmmy" style:family="table-cell" style:data-style-name="Ndmmmy"/>
<style:style style:name="bool" style:family="table-cell" style:data-style-name="Nbool"/>
</office:automatic-styles>
<office:body><office:spreadsheet>
'''
TAIL = '</office:spreadsheet></office:body></office:document>\n'

def cell(v):
    """v: None (empty), str, int/float, ('date', 'YYYY-MM-DD', style), ('f', formula, type), ('bool', True)"""
    if v is None:
        return '<table:table-cell/>'
    if isinstance(v, str):
        return '<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>' % escape(v)
    if isinstance(v, bool):
        raise ValueError
    if isinstance(v, (int, float)):
        return '<table:table-cell office:value-type="float" office:value="%r"/>' % v
    kind = v[0]
    if kind == 'date':
        return '<table:table-cell table:style-name="%s" office:value-type="date" office:date-value="%s"/>' % (v[2], v[1])
    if kind == 'bool':
        return '<table:table-cell table:style-name="bool" office:value-type="boolean" office:boolean-value="%s"/>' % ('true' if v[1] else 'false')
    if kind == 'f':
        typ = v[2]
        if typ == 'string':
            return '<table:table-cell table:formula=%s office:value-type="string" office:string-value=""/>' % quoteattr(v[1])
        if typ == 'bool':
            return '<table:table-cell table:style-name="bool" table:formula=%s office:value-type="boolean" office:boolean-value="false"/>' % quoteattr(v[1])
        return '<table:table-cell table:formula=%s office:value-type="float" office:value="0"/>' % quoteattr(v[1])
    raise ValueError(v)

def table(name, rows):
    s = '<table:table table:name=%s>\n' % quoteattr(name)
    if not rows:
        s += '<table:table-row><table:table-cell/></table:table-row>\n'
    for r in rows:
        s += '<table:table-row>' + ''.join(cell(c) for c in (r or [None])) + '</table:table-row>\n'
    return s + '</table:table>\n'

def write(name, tables, null1904=False):
    s = HEAD
    if null1904:
        s += '<table:calculation-settings><table:null-date table:date-value="1904-01-01"/></table:calculation-settings>\n'
    for t in tables:
        s += table(*t)
    s += TAIL
    open(os.path.join(out, name), 'w', encoding='utf-8').write(s)

mov = [
    ['BANCO DEL SUR S.A.'],
    ['Cartola de cuenta corriente N° 123'],
    ['Cliente:', 'Ferretería Ñuñoa Ltda.', None, 'RUT', '76.123.456-0'],
    ['Período', '01/03/2024 al 31/03/2024'],
    None,
    ['FECHA', 'SUCURSAL', 'DESCRIPCIÓN', 'N° DE', 'CARGOS', 'ABONOS', 'SALDO'],
    [None, None, None, 'DOCUMENTO', None, None, 'DIARIO'],
    [('date', '2024-03-01', 'dmy'), 'OF CENTRAL', 'SALDO INICIAL', None, None, None, 1500000],
    [('date', '2024-03-04', 'mdy'), 'OF VIRTUAL', 'ABONO TERCEROS 76.123.456-0 COMERCIAL SUR', 212174476, None, 91494, ('f', 'of:=[.G8]-[.E9]+[.F9]', 'float')],
    [('date', '2024-03-05', 'dm'), 'LAS CONDES', 'PAGO PROVEEDOR Peñalolén € 1.213,28', 889429248937, 1213.28, None, ('f', 'of:=[.G9]-[.E10]+[.F10]', 'float')],
    [('date', '2024-03-06', 'dmmmy'), 'OF CENTRAL', 'COMISIÓN MANTENCIÓN', None, 4500, None, ('f', 'of:=[.G10]-[.E11]+[.F11]', 'float')],
    [('date', '2024-03-07', 'dmy'), 'OF CENTRAL', ('f', 'of:="Factura F-"&[.D12]&" año 2024"', 'string'), 1234, None, 98765.4321, ('f', 'of:=[.G11]-[.E12]+[.F12]', 'float')],
    [('date', '2024-03-08', 'dmy'), 'SVP LA FL', 'DEVOLUCIÓN CHEQUE', 70, -1500.75, None, ('f', 'of:=[.G12]-[.E13]+[.F13]', 'float')],
    [None, None, 'Ceros y vacíos', 0, None, '', ('f', 'of:=""', 'string')],
    [None, None, 'FILA MULRK', 100, 200, 300, 400, 500.5, -600],
    [('bool', True), ('f', 'of:=1/0', 'float'), ('f', 'of:=[.G9]>0', 'bool'), ('f', 'of:=0.1+0.2', 'float'), ('f', 'of:=1213.28*3', 'float'), ('f', 'of:=1/3', 'float')],
    ['Resumen del Periodo'],
    ['Saldo anterior', 1500000, 'Total cargos', ('f', 'of:=SUM([.E8:.E13])', 'float'), 'Total abonos', ('f', 'of:=SUM([.F8:.F13])', 'float'), 'Saldo final', ('f', 'of:=[.G13]', 'float')],
]
res = [
    ['Concepto', 'Monto'],
    ['Saldo final', ('f', "of:=['Movimientos'.G13]", 'float')],
    ['Cuenta', '000-123-45'],
]
write('cartola.fods', [('Movimientos', mov), ('Resumen', res), ('Vacía', [])])

long_es = ('Señor cliente: su depósito de € 1.213,28 fue abonado; la conciliación está pendiente. ' * 80).strip()
long_latin = ('Transferencia recibida de Peñalolén, código ÁÉÍÓÚ ñ ü ¿? ¡! ' * 170).strip()
rows = [['N°', 'Texto', 'Largo']]
rows.append([1, long_es, len(long_es)])
rows.append([2, long_latin, len(long_latin)])
for i in range(3, 150):
    rows.append([i, 'Cliente número %d de Ñuñoa, cuenta %06d — día %d' % (i, i * 7919 % 1000000, i % 28 + 1), ('f', 'of:=LEN([.B%d])' % (i + 1), 'float')])
write('textos.fods', [('Textos', rows)])

f1904 = [
    ['Fecha', 'Detalle', 'Monto'],
    [('date', '2024-03-01', 'dmy'), 'Depósito', 1000],
    [('date', '1904-01-02', 'dmy'), 'Día uno del sistema 1904', 1],
    [('date', '2024-12-31', 'dm'), 'Fin de año', 2000],
]
write('fecha1904.fods', [('Fechas', f1904)], null1904=True)

cuentas = [
    ['Razón Social', 'RUT', 'Comuna', 'Saldo'],
    ['Ferretería Ñuñoa Ltda.', '76.123.456-0', 'Peñalolén', 1500],
    ['Depósito Central SpA', '96.555.444-K', 'Santiago', 2500.5],
    ['Comisión Andina S.A.', '12.345.678-5', 'Ñuñoa', -300],
]
write('cuentas.fods', [('Clientes', cuentas), ('Otra', [['Nota', 'Hoja segunda']])])

# The invoices of backend/importer's TestRun_EncodingsAndWorkbookReadTheSameRecords, as a workbook.
documentos = [
    ['Listado de documentos por cobrar'],
    None,
    None,
    ['RUT', 'Razón Social', 'Tipo Doc', 'Nº Documento', 'Fecha Emisión', 'Vencimiento', 'Monto', 'Saldo'],
    ['76.086.428-5', 'Ferretería Sur Ltda.', 'Factura', 1001, ('date', '2026-10-15', 'dmy'), ('date', '2026-11-14', 'dmy'), 1190000, 1190000],
    ['76.086.428-5', 'Ferretería Sur Ltda.', 'Factura', 1002, ('date', '2026-10-20', 'dmy'), ('date', '2026-11-19', 'dmy'), 595000, 95000],
    ['12.345.678-5', 'Panadería El Sol', 'NC', '55', ('date', '2026-10-21', 'dmy'), None, -100000, -100000],
    ['12.345.678-5', 'Panadería El Sol', 'Factura', '1003', ('date', '2026-11-01', 'dmy'), None, '250.000', '250000'],
]
write('documentos.fods', [('Hoja1', []), ('Documentos', documentos)])
