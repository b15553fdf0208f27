package bankfile

import (
	"flag"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/xuri/excelize/v2"
)

var writeFixtures = flag.Bool("fixtures", false, "rewrite the .xlsx fixtures of testdata/table from the tables in fixtures_test.go")

// xlsxFixture is a workbook in a bank's layout: cells by Excel row number
// (1-based) and column (0 = A); an int or float is a number cell, as banks
// store amounts and dates (Excel serials), a string a text cell.
type xlsxFixture map[int][]any

// xlsxFixtures are our own workbooks in the layouts of the Chilean and
// Peruvian banks that export spreadsheets.
var xlsxFixtures = map[string]xlsxFixture{
	// BCI cartola: header over rows 19-20, headers merged over two columns
	// with the values in the right one, serial dates, a Resumen below.
	"cl_bci_cartola.xlsx": {
		4:  {"", "", "", "", "CARTOLA N°"},
		5:  {"", "", "CARTOLA DE CUENTA CORRIENTE", "", "", "", "", "", "", "", "", "", 37},
		8:  {"", "", "COMERCIAL LOS AROMOS SPA", "", "", "N° CUENTA", 10123456, "MONEDA", "PESOS"},
		11: {"", "", "AV. APOQUINDO 3000", "", "", "OFICINA:", "LAS CONDES"},
		17: {"", "", "", "", "", "PERIODO", "01-11-2024 al 15-11-2024"},
		19: {"FECHA", "SUCURSAL", "DESCRIPCION", "N° DE\u00a0", "CHEQUES Y", "", "DEPOSITOS", "", "SALDO DIARIO"},
		20: {"", "", "", "DOCUMENTO", "OTROS CARGOS", "", "Y ABONOS"},
		21: {45597, "OF VIRT U", "TRANSF DE COMERCIAL SUR SPA 76.123.456-7 FACT 1234", 889429248937, "", "", "", 1190000, "", 5390000},
		22: {45597, "OF CENTRA", "ABONO TERCEROS 16268796-4 A.PALMA SALDIV", 212174476, "", "", "", 91494, "", 5481494},
		23: {45600, "OF CENTRA", "CHEQUE COBRADO POR OTRO BANCO", 9991981, "", 2494197, "", "", "", 2987297},
		24: {45600, "OF VIRT U", "COMISION MANTENCION PLAN", "", "", 14990, "", "", "", 2972307},
		25: {45600, "OF VIRT U", "IVA COMISION MANTENCION PLAN", "", "", 2848, "", "", "", 2969459},
		26: {45604, "OF CENTRA", "PAGO RECIBIDO PRV 061801000-7 BCO ESTAD", 106087, "", "", "", 357000, "", 3326459},
		27: {45604, "OF CENTRA", "DEVOLUCION CHEQUE DEPOSITADO", 70, "", 91494, "", "", "", 3234965},
		28: {"Resumen del Periodo"},
		29: {"Periodo", "", "", "Saldo Anterior", "Total Cargos y Cheques", "", "Total Abonos y Depositos", "", "Saldo Contable Final del Periodo"},
		30: {"01-11-2024 al 15-11-2024", "", "", 4200000, "-", 2603529, "\u00a0\u00a0+\u00a0\u00a0", 1638494, "\u00a0=", 3234965},
		33: {"", "", "Retenciones", "", "Saldo Disponible"},
		34: {"", "", 0, "", 3234965},
		35: {"CONSIDERAMOS APROBADO ESTE ESTADO DE CUENTA SI DENTRO DE 30 DIAS NO HEMOS RECIBIDO AVISO EN CONTRARIO."},
	},
	// Santander cartola histórica: signed MONTO, C/A flag, summary above,
	// and below the movements a "Resumen comisiones" table that repeats the
	// fee rows, then "Saldos diarios".
	"cl_santander_cartola.xlsx": {
		1:  {"CARTOLA HISTÓRICA CUENTAS CORRIENTES"},
		3:  {"Sr.", "COMERCIAL LOS AROMOS SPA"},
		4:  {"Empresa", "COMERCIAL LOS AROMOS SPA"},
		5:  {"RUT empresa", "76.555.444-3"},
		6:  {"Cuenta", "0-000-71234567-8"},
		7:  {"Fecha desde", "01/11/2024", "", "Fecha hasta", "30/11/2024"},
		9:  {"SALDO INICIAL", "DEPÓSITOS", "OTROS ABONOS", "CHEQUES", "OTROS CARGOS", "IMPUESTOS", "SALDO FINAL"},
		10: {3500000, 1450000, 0, 250000, 21500, 4085, 4674415},
		12: {"Línea de crédito", 2000000},
		14: {"MONTO", "DESCRIPCIÓN MOVIMIENTO", "", "FECHA", "N° DOCUMENTO", "SUCURSAL", "", "CARGO/ABONO"},
		15: {1200000, "TRANSF DE COMERCIAL SUR SPA 76.123.456-7 FACT 1234", "", "04/11/2024", 0, "Agustinas", "", "A"},
		16: {-250000, "CHEQUE 4521 COBRADO POR CAJA", "", "06/11/2024", 4521, "Providencia", "", "C"},
		17: {-18000, "COMISION MANTENCION CUENTA", "", "08/11/2024", 0, "Agustinas", "", "C"},
		18: {-3420, "IVA COMISION MANTENCION", "", "08/11/2024", 0, "Agustinas", "", "C"},
		19: {250000, "DEPOSITO EN EFECTIVO FACTURAS 1235 Y 1236", "", "15/11/2024", 771203, "Las Condes", "", "A"},
		20: {-3500, "COMISION TRANSFERENCIA EN LINEA", "", "20/11/2024", 0, "Internet", "", "C"},
		21: {-665, "IVA COMISION TRANSFERENCIA", "", "20/11/2024", 0, "Internet", "", "C"},
		23: {"Resumen comisiones"},
		24: {"MONTO", "DESCRIPCIÓN MOVIMIENTO", "", "FECHA"},
		25: {-18000, "COMISION MANTENCION CUENTA", "", "08/11/2024"},
		26: {-3500, "COMISION TRANSFERENCIA EN LINEA", "", "20/11/2024"},
		28: {"Saldos diarios"},
		29: {"FECHA", "SALDO"},
		30: {"04/11/2024", 4700000},
		31: {"30/11/2024", 4674415},
	},
	// BancoEstado: account, alias and cartola number on every row.
	"cl_bancoestado.xlsx": {
		2:  {"BancoEstado - Cartola Cuenta Corriente"},
		3:  {"Período: 01/11/2024 al 30/11/2024"},
		5:  {"Fecha", "Sucursal", "N° Cuenta Corriente", "Alias", "N° Cartola", "N° Operación", "Descripción", "Cheques / Cargos", "Depósitos / Abonos", "Saldo"},
		6:  {"04/11/2024", "Santiago Centro", "29100012345", "Principal", 11, 5521001, "Transferencia de Comercial Sur SpA a rut 76123456-7 FACT 1234", "", 990000, 2990000},
		7:  {"05/11/2024", "Internet", "29100012345", "Principal", 11, 5521044, "Transferencia a rut 11223344-5 Juan Soto Proveedor", 150000, "", 2840000},
		8:  {"07/11/2024", "Santiago Centro", "29100012345", "Principal", 11, 5521102, "Comisión mantención", 5900, "", 2834100},
		9:  {"07/11/2024", "Santiago Centro", "29100012345", "Principal", 11, 5521103, "IVA comisión mantención", 1121, "", 2832979},
		10: {"21/11/2024", "Temuco", "29100012345", "Principal", 11, 5521250, "Depósito en efectivo cliente FACT 1240", "", 64500, 2897479},
		12: {"Total", "", "", "", "", "", "", 157021, 1054500},
	},
	// Itaú "Últimos movimientos": serial dates, newest first.
	"cl_itau_movimientos.xlsx": {
		1: {"Últimos movimientos"},
		2: {"Cuenta Corriente N° 0212345678"},
		4: {"Fecha", "Documentos", "Sucursal", "Movimientos", "Depósitos o abonos", "Giros o cargos", "Saldos"},
		5: {45625, 0, "Internet", "Traspaso de fondos recibido 76.123.456-7 Comercial Sur FACT 1250", 480000, 0, 2115000},
		6: {45621, 330012, "Providencia", "Rechazo Cheque depositado", 0, 120000, 1635000},
		7: {45618, 0, "Internet", "Comisión mantención", 0, 6500, 1755000},
		8: {45615, 330012, "Providencia", "Depósito cheque otros bancos", 120000, 0, 1761500},
		9: {45600, 0, "Internet", "Pago proveedor Servicios Generales Ltda", 0, 358500, 1641500},
	},
	// Itaú "Cartola histórica": header over two rows, dates without a year
	// (the Período gives it, across a year end), "$3,000,000" as text.
	"cl_itau_historica.xlsx": {
		2:  {"Cartola Histórica"},
		4:  {"Cliente:", "COMERCIAL LOS AROMOS SPA"},
		5:  {"Cuenta:", "0212345678"},
		6:  {"Moneda:", "CLP"},
		7:  {"Período: 15/12/2024 al 15/01/2025"},
		8:  {"Saldo inicial:", "$3,000,000"},
		9:  {"Saldo final:", "$2,862,380"},
		11: {"Fecha", "Número de", "Sucursal", "Descripción", "Depósitos o", "Giros o", "Saldo"},
		12: {"", "operación", "", "", "abonos", "cargos", "diario"},
		13: {"20/12", "7781", "Internet", "Transferencia de 76.123.456-7 Comercial Sur FACT 1299", "$450,000", "", "$3,450,000"},
		14: {"27/12", "7790", "Internet", "Pago Imposiciones Previred", "", "$580,000", "$2,870,000"},
		15: {"31/12", "0", "Internet", "Comisión mantención", "", "$6,500", "$2,863,500"},
		16: {"31/12", "0", "Internet", "IVA comisión", "", "$1,235", "$2,862,265"},
		17: {"03/01", "7802", "Temuco", "Depósito en efectivo", "$115", "", "$2,862,380"},
	},
	// Scotiabank: dd-mm-yyyy as text.
	"cl_scotiabank.xlsx": {
		1: {"Scotiabank Chile"},
		2: {"Cuenta Corriente", "970012345"},
		4: {"Fecha", "Descripción", "Numero Documento", "Cargo", "Abono", "Saldo Diario"},
		5: {"04-11-2024", "TRANSF RECIBIDA 76.123.456-7 COMERCIAL SUR SPA FACT 1234", 0, "", 1190000, 3190000},
		6: {"05-11-2024", "PAGO PROVEEDORES EN LINEA", 445566, 800000, "", 2390000},
		7: {"12-11-2024", "COMISION PLAN CUENTA", 0, 9900, "", 2380100},
		8: {"12-11-2024", "IVA COMISION PLAN", 0, 1881, "", 2378219},
	},
	// Banco de Chile empresas: d/m/yyyy without zeros.
	"cl_bancochile_empresas.xlsx": {
		1: {"Banco de Chile - Empresas"},
		3: {"Fecha", "Detalle Movimiento", "Cheque o Cargo", "Deposito o Abono", "Saldo", "Docto. Nro.", "Trn", "Caja", "Sucursal"},
		4: {"1/11/2024", "TRASPASO DE:COMERCIAL SUR SPA 76.123.456-7 FACT 1234", 0, 1190000, 6190000, 0, "TEF", "", "INTERNET"},
		5: {"4/11/2024", "CHEQUE PAGADO", 450000, 0, 5740000, 7701, "CHQ", "12", "HUERFANOS"},
		6: {"12/11/2024", "COMISION MANTENCION", 7990, 0, 5732010, 0, "COM", "", "INTERNET"},
	},
	// BCP: the header under four rows, signed amounts, fecha valuta often blank.
	"pe_bcp.xlsx": {
		1: {"Movimientos de la cuenta"},
		2: {"Cuenta: 193-1234567-0-12"},
		3: {"Moneda: Soles"},
		5: {"Fecha", "Fecha valuta", "Descripción operación", "Monto", "Saldo", "Sucursal - agencia", "Operación - Número", "Operación - Hora", "Usuario", "UTC", "Referencia2"},
		6: {"04/11/2024", "", "ABONO TRANSF DE DISTRIBUIDORA LIMA SAC RUC 20123456789 F001-00345", 11800.5, 26800.5, "111 - Lima Centro", 45678901, "10:22:15", "SISTEMA", "", "F001-00345"},
		7: {"05/11/2024", "05/11/2024", "ITF", -0.55, 26799.95, "111 - Lima Centro", 45678902, "10:22:15", "SISTEMA", ""},
		8: {"11/11/2024", "", "PAGO PROVEEDOR TRANSPORTES ANDINOS", -4500, 22299.95, "193 - Miraflores", 45679003, "16:01:40", "USR01", ""},
		9: {"30/11/2024", "", "COMISION MANTENIMIENTO", -15.3, 22284.65, "111 - Lima Centro", 45679100, "23:59:00", "SISTEMA", ""},
	},
}

// TestWriteXLSXFixtures rewrites the .xlsx fixtures (go test -run WriteXLSX -fixtures).
func TestWriteXLSXFixtures(t *testing.T) {
	if !*writeFixtures {
		for name := range xlsxFixtures {
			if _, err := os.Stat(filepath.Join("testdata", "table", name)); err != nil {
				t.Errorf("fixture missing (go test -run WriteXLSX -fixtures writes it): %v", err)
			}
		}
		return
	}
	for name, rows := range xlsxFixtures {
		if err := rows.write(filepath.Join("testdata", "table", name)); err != nil {
			t.Fatal(err)
		}
	}
}

func (x xlsxFixture) write(path string) error {
	f := excelize.NewFile()
	defer f.Close()
	lines := make([]int, 0, len(x))
	for n := range x {
		lines = append(lines, n)
	}
	sort.Ints(lines)
	for _, n := range lines {
		for c, v := range x[n] {
			if s, ok := v.(string); ok && s == "" {
				continue
			}
			cell, err := excelize.CoordinatesToCellName(c+1, n)
			if err != nil {
				return err
			}
			if err := f.SetCellValue("Sheet1", cell, v); err != nil {
				return err
			}
		}
	}
	return f.SaveAs(path)
}
