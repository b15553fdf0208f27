package bankfile

import (
	"sort"
	"strings"
)

// The built-in bank profiles, from the layouts in shared/bank-layouts.md.
// Where a layout was read from public parser code or documentation rather
// than a real export, the profile says so: it is a strong hint, and the
// mapping wizard covers what it gets wrong.

// col is a column found by its header names.
func col(r Role, names ...string) Column { return Column{Role: r, Names: names} }

// opt is an optional column found by its header names.
func opt(r Role, names ...string) Column { return Column{Role: r, Names: names, Optional: true} }

// at is a column found by its 1-based position.
func at(r Role, index int) Column { return Column{Role: r, Index: index} }

// BuiltinProfiles returns the bank profiles Cartera knows, as a new slice.
func BuiltinProfiles() []Profile {
	return []Profile{
		// Chile. CLP has no decimals; descriptions carry RUTs and names cut at 25 characters.
		{
			Name: "cl-bancochile-cartola", Bank: "Banco de Chile", Country: "CL",
			Columns: []Column{
				col(RoleDate, "Fecha"),
				col(RoleDescription, "Descripción"),
				opt(RoleBranch, "Canal o Sucursal"),
				col(RoleDebit, "Cargos", "Cargos (CLP)", "Cargos (USD)"),
				col(RoleCredit, "Abonos", "Abonos (CLP)", "Abonos (USD)"),
				opt(RoleBalance, "Saldo", "Saldo (CLP)", "Saldo (USD)"),
			},
			Dates: []string{"dd/mm/yyyy"},
		},
		{
			// Fixed-width TXT cartola of cuenta corriente and cuenta FAN [C].
			Name: "cl-bancochile-txt", Bank: "Banco de Chile", Country: "CL", Currency: "CLP",
			Fixed: []FixedField{
				{Start: 1, Width: 11},              // 1 cuenta
				{Start: 12, Width: 8},              // 2 fecha yyyymmdd
				{Start: 20, Width: 9},              // 3 código de transacción
				{Start: 29, Width: 8},              // 4 serial (documento)
				{Start: 37, Width: 22},             // 5 monto
				{Start: 59, Width: 1},              // 6 signo
				{Start: 60, Width: 3},              // 7 sucursal
				{Start: 63, Width: 45, Grow: true}, // 8 descripción, may be longer
				{Start: 108, Width: 1},             // 9 tipo: C cargo, A abono, S saldo
				{Start: 109, Width: 8},             // 10 fecha de emisión
				{Start: 117, Width: 5},             // 11 folio
			},
			Columns: []Column{
				at(RoleAccount, 1), at(RoleDate, 2), at(RoleReference, 4), at(RoleAmount, 5),
				at(RoleSign, 6), at(RoleDescription, 8), at(RoleCode, 9),
			},
			Sign:        &Sign{In: []string{"+", ""}, Out: []string{"-"}},
			PseudoCodes: []string{"S"},
			Dates:       []string{"yyyymmdd"},
		},
		{
			// Cartola de empresas (.xlsx) [C]; days and months without zeros.
			Name: "cl-bancochile-empresas", Bank: "Banco de Chile", Country: "CL",
			Columns: []Column{
				col(RoleDate, "Fecha"),
				col(RoleDescription, "Detalle Movimiento"),
				col(RoleDebit, "Cheque o Cargo", "Cheques o Cargos"),
				col(RoleCredit, "Deposito o Abono", "Depósitos o Abonos"),
				opt(RoleBalance, "Saldo"),
				opt(RoleReference, "Docto. Nro.", "Docto Nro", "N° Docto"),
				opt(RoleCode, "Trn"),
				opt(RoleBranch, "Sucursal"),
			},
			Dates: []string{"d/m/yyyy"},
		},
		{
			// Cartola de cuenta corriente (.xls) [S]: header over two rows,
			// merged cells, Excel serial dates, "Resumen del Periodo" below.
			Name: "cl-bci", Bank: "BCI", Country: "CL",
			Columns: []Column{
				col(RoleDate, "Fecha"),
				opt(RoleBranch, "Sucursal"),
				col(RoleDescription, "Descripción"),
				opt(RoleReference, "N° de Documento", "N° Documento"),
				col(RoleDebit, "Cheques y otros cargos"),
				col(RoleCredit, "Depósitos y abonos", "Depósitos y abono"),
				opt(RoleBalance, "Saldo diario"),
			},
			Dates: []string{"dd/mm/yyyy", "dd/mm"},
		},
		{
			// Cartola histórica de cuentas corrientes (.xlsx) [S]: signed MONTO
			// and a C/A flag; "Resumen comisiones" repeats fee rows below.
			Name: "cl-santander", Bank: "Santander", Country: "CL",
			Columns: []Column{
				col(RoleAmount, "Monto"),
				col(RoleDescription, "Descripción movimiento"),
				col(RoleDate, "Fecha"),
				opt(RoleReference, "N° Documento"),
				opt(RoleBranch, "Sucursal"),
				col(RoleSign, "Cargo/Abono"),
			},
			Sign:  &Sign{In: []string{"A"}, Out: []string{"C"}},
			Dates: []string{"dd/mm/yyyy"},
		},
		{
			// Cartola (.xlsx) [C].
			Name: "cl-bancoestado", Bank: "BancoEstado", Country: "CL",
			Columns: []Column{
				col(RoleDate, "Fecha"),
				opt(RoleBranch, "Sucursal"),
				opt(RoleAccount, "N° Cuenta Corriente", "N° Cuenta"),
				opt(RoleReference, "N° Operación"),
				col(RoleDescription, "Descripción"),
				col(RoleDebit, "Cheques / Cargos", "Cheques/Cargos"),
				col(RoleCredit, "Depósitos / Abonos", "Depósitos/Abonos"),
				opt(RoleBalance, "Saldo"),
			},
			Dates: []string{"dd/mm/yyyy"},
		},
		{
			// "Últimos movimientos" (.xls) [S]: Excel serial dates, newest first.
			Name: "cl-itau-movimientos", Bank: "Itaú", Country: "CL",
			Columns: []Column{
				col(RoleDate, "Fecha"),
				opt(RoleReference, "Documentos"),
				opt(RoleBranch, "Sucursal"),
				col(RoleDescription, "Movimientos"),
				col(RoleCredit, "Depósitos o abonos"),
				col(RoleDebit, "Giros o cargos"),
				opt(RoleBalance, "Saldos"),
			},
			Dates: []string{"dd/mm/yyyy", "dd/mm"},
		},
		{
			// "Cartola histórica" (.xls) [S]: header over two rows, "dd/mm"
			// without a year (the preamble's "Período" gives it), "$3,000,000".
			Name: "cl-itau-historica", Bank: "Itaú", Country: "CL",
			Columns: []Column{
				col(RoleDate, "Fecha"),
				opt(RoleReference, "Número de operación"),
				opt(RoleBranch, "Sucursal"),
				col(RoleDescription, "Descripción"),
				col(RoleCredit, "Depósitos o abonos"),
				col(RoleDebit, "Giros o cargos"),
				opt(RoleBalance, "Saldo diario"),
			},
			Dates: []string{"dd/mm", "dd/mm/yyyy"},
		},
		{
			// Cartola (.xlsx) [C].
			Name: "cl-scotiabank", Bank: "Scotiabank", Country: "CL",
			Columns: []Column{
				col(RoleDate, "Fecha"),
				col(RoleDescription, "Descripción"),
				opt(RoleReference, "Numero Documento", "N° Documento"),
				col(RoleDebit, "Cargo", "Cargos"),
				col(RoleCredit, "Abono", "Abonos"),
				opt(RoleBalance, "Saldo Diario"),
			},
			Dates: []string{"dd-mm-yyyy", "dd/mm/yyyy"},
		},

		// Colombia. COP writes 1.234.567,89; GMF 4x1000 rows.
		{
			// "Movimientos" TXT [C]: tab-separated; date, two codes, memo,
			// one more code, signed amount.
			Name: "co-bancolombia-txt", Bank: "Bancolombia", Country: "CO", Currency: "COP",
			Delimiter: "\t", SkipRows: 1, Cells: 6,
			Columns: []Column{at(RoleDate, 1), at(RoleReference, 3), at(RoleDescription, 4), at(RoleAmount, 6)},
			Dates:   []string{"yyyy/mm/dd", "yyyymmdd"},
		},
		{
			// CSV/Excel [C, unverified]: ';', "BANCOLOMBIA" above the header.
			Name: "co-bancolombia-csv", Bank: "Bancolombia", Country: "CO", Currency: "COP",
			Markers: []string{"Bancolombia"},
			Columns: []Column{
				col(RoleDate, "Fecha"),
				col(RoleDescription, "Descripción"),
				opt(RoleBranch, "Sucursal"),
				opt(RoleReference, "Dcto.", "Documento"),
				col(RoleAmount, "Valor"),
				opt(RoleBalance, "Saldo"),
			},
			Number: Number{Decimal: ",", Group: "."},
			Dates:  []string{"dd/mm/yyyy", "yyyy/mm/dd"},
		},

		// México. MXN writes 1,234,567.89.
		{
			// CSV [C]: '-' for no amount, "'" forcing text, RFC in the detail.
			Name: "mx-banorte", Bank: "Banorte", Country: "MX",
			Columns: []Column{
				col(RoleDate, "Fecha"),
				opt(RoleReference, "Referencia"),
				col(RoleDescription, "Descripción"),
				opt(RoleCode, "Cod. Transac", "Cod. Transac."),
				opt(RoleBranch, "Sucursal"),
				col(RoleCredit, "Depósitos"),
				col(RoleDebit, "Retiros"),
				opt(RoleBalance, "Saldo"),
				opt(RoleDescription, "Descripción Detallada"),
			},
			Number: Number{Decimal: ".", Group: ","},
			Dates:  []string{"dd/mm/yyyy"},
		},
		{
			// TXT [C]: "Concepto / Referencia" in one column.
			Name: "mx-bbva", Bank: "BBVA México", Country: "MX",
			Columns: []Column{
				col(RoleDate, "Día"),
				{Role: RoleDescription, Names: []string{"Concepto / Referencia", "Concepto/Referencia"}, RefSeparator: "/"},
				col(RoleDebit, "Cargo"),
				col(RoleCredit, "Abono"),
				opt(RoleBalance, "Saldo"),
			},
			Number: Number{Decimal: ".", Group: ","},
			Dates:  []string{"dd-mm-yyyy", "dd/mm/yyyy"},
		},
		{
			// CSV without a header [C]: date, description, signed amount.
			Name: "mx-hsbc", Bank: "HSBC México", Country: "MX",
			Delimiter: ",", Cells: 3,
			Columns: []Column{at(RoleDate, 1), at(RoleDescription, 2), at(RoleAmount, 3)},
			Dates:   []string{"dd/mm/yyyy"},
		},

		// Perú. PEN writes 1,234,567.89.
		{
			// Telecrédito / Excel [C]: the header under four rows.
			Name: "pe-bcp", Bank: "BCP", Country: "PE",
			Columns: []Column{
				col(RoleDate, "Fecha"),
				opt(RoleValueDate, "Fecha valuta"),
				col(RoleDescription, "Descripción operación"),
				col(RoleAmount, "Monto"),
				opt(RoleBalance, "Saldo"),
				opt(RoleBranch, "Sucursal - agencia"),
				opt(RoleReference, "Operación - Número"),
				opt(RoleDetail, "Referencia2"),
			},
			Dates: []string{"dd/mm/yyyy"},
		},

		// Argentina. ARS writes 1.234,56.
		{
			// Excel/CSV [C]: the export carries no account number.
			Name: "ar-galicia", Bank: "Banco Galicia", Country: "AR",
			Columns: []Column{
				col(RoleDate, "Fecha"),
				col(RoleDescription, "Descripción"),
				opt(RoleBranch, "Origen"),
				col(RoleDebit, "Débitos"),
				col(RoleCredit, "Créditos"),
				opt(RoleCode, "Tipo de Movimiento"),
				opt(RoleDescription, "Concepto"),
				opt(RoleDescription, "Observaciones Cliente"),
				opt(RoleReference, "Número de Comprobante"),
				opt(RoleDescription, "Leyendas Adicionales 1", "Leyendas Adicionales1"),
				opt(RoleDescription, "Leyendas Adicionales 2", "Leyendas Adicionales2"),
				opt(RoleDescription, "Leyendas Adicionales 3", "Leyendas Adicionales3"),
				opt(RoleDescription, "Leyendas Adicionales 4", "Leyendas Adicionales4"),
				opt(RoleBalance, "Saldo"),
			},
			Dates: []string{"dd/mm/yyyy"},
		},
		{
			// CSV [C]: ';', a header row, then date, description, amount, (other), note.
			Name: "ar-nacion", Bank: "Banco Nación", Country: "AR",
			Delimiter: ";", SkipRows: 1, Cells: 3,
			Columns: []Column{at(RoleDate, 1), at(RoleDescription, 2), at(RoleAmount, 3), {Role: RoleDescription, Index: 5, Optional: true}},
			Dates:   []string{"dd/mm/yyyy"},
		},
		{
			// "Dinero disponible" release report [D]. The line amount is the
			// net credit or debit; the gross amount and each fee stay in the
			// description ("GROSS_AMOUNT 1000.00 MP_FEE_AMOUNT -59.90"), so a
			// deposit matches what reached the account and the fee is seen.
			Name: "ar-mercadopago-release", Bank: "Mercado Pago", Country: "AR",
			Columns: []Column{
				col(RoleDate, "DATE", "RELEASE_DATE"),
				opt(RoleBankTxnID, "SOURCE_ID"),
				opt(RoleReference, "EXTERNAL_REFERENCE"),
				opt(RoleCode, "RECORD_TYPE"),
				col(RoleDescription, "DESCRIPTION"),
				col(RoleCredit, "NET_CREDIT_AMOUNT", "NET_CREDIT"),
				col(RoleDebit, "NET_DEBIT_AMOUNT", "NET_DEBIT"),
				opt(RoleDetail, "GROSS_AMOUNT"),
				opt(RoleDetail, "MP_FEE_AMOUNT"),
				opt(RoleDetail, "FINANCING_FEE_AMOUNT"),
				opt(RoleDetail, "SHIPPING_FEE_AMOUNT"),
				opt(RoleDetail, "TAXES_AMOUNT"),
				opt(RoleDetail, "COUPON_AMOUNT"),
				opt(RoleDescription, "PAYMENT_METHOD"),
				opt(RoleBalance, "BALANCE_AMOUNT"),
			},
			Number: Number{Decimal: "."},
			Dates:  []string{"yyyy-mm-dd", "dd/mm/yyyy"},
		},
		{
			// Account statement CSV of the app [C]: a summary block
			// (INITIAL_BALANCE;CREDITS;DEBITS;FINAL_BALANCE) above the table.
			Name: "ar-mercadopago-account", Bank: "Mercado Pago", Country: "AR",
			Columns: []Column{
				col(RoleDate, "RELEASE_DATE"),
				col(RoleDescription, "TRANSACTION_TYPE"),
				opt(RoleReference, "REFERENCE_ID"),
				col(RoleAmount, "TRANSACTION_NET_AMOUNT"),
				opt(RoleBalance, "PARTIAL_BALANCE"),
			},
			Dates: []string{"dd-mm-yyyy", "dd/mm/yyyy", "yyyy-mm-dd"},
		},

		// Venezuela: real exports in shared/testdata/bank/latam-csv-txt.
		{
			// BNC movimientos (TSV): mm/dd/yyyy, references Excel turned into "3.46E+10".
			Name: "ve-bnc", Bank: "BNC", Country: "VE", Currency: "VES",
			Columns: []Column{
				col(RoleDate, "Fecha"),
				opt(RoleReference, "Referencia"),
				opt(RoleCode, "Tipo Transacción"),
				col(RoleDescription, "Tip, Operación", "Tip. Operación"),
				opt(RoleDescription, "Descripción"),
				col(RoleDebit, "Debe"),
				col(RoleCredit, "Haber"),
				opt(RoleBalance, "Saldo"),
			},
			Number: Number{Decimal: ".", Group: ","},
			Dates:  []string{"mm/dd/yyyy"},
		},
		{
			// Banplus estado de cuenta (quoted TSV): 3098,59 without grouping.
			Name: "ve-banplus", Bank: "Banplus", Country: "VE", Currency: "VES",
			Columns: []Column{
				col(RoleDate, "Fecha"),
				opt(RoleReference, "Referencia"),
				col(RoleDescription, "Descripción"),
				opt(RoleDescription, "Concepto"),
				col(RoleDebit, "Débito"),
				col(RoleCredit, "Crédito"),
				opt(RoleBalance, "Saldo"),
			},
			Number: Number{Decimal: ","},
			Dates:  []string{"dd/mm/yyyy"},
		},
		{
			// BBVA Provincial cash management CSV: records 00 file, 11 account
			// and day (opening), 22 movement, 33 day totals (closing), 88 end;
			// yymmdd; amounts with 2 implied decimals; 1 debit, 2 credit.
			Name: "ve-provincial", Bank: "BBVA Provincial", Country: "VE", Currency: "VES",
			Delimiter: ",",
			Records: &Records{
				Column: 1, Movement: "22", Types: []string{"00", "11", "22", "33", "88"},
				Opening: &RecordBalance{Type: "11", Amount: 8, Sign: 7, Date: 5},
				Closing: &RecordBalance{Type: "33", Amount: 10, Sign: 9},
				Account: []int{2, 3, 4},
			},
			Columns: []Column{
				at(RoleDate, 4), at(RoleValueDate, 5), at(RoleCode, 7), at(RoleSign, 8),
				at(RoleAmount, 9), at(RoleReference, 10), at(RoleDescription, 11),
			},
			Sign:   &Sign{In: []string{"2"}, Out: []string{"1"}},
			Number: Number{Implied: 2},
			Dates:  []string{"yymmdd"},
		},
		{
			// Banco de Venezuela fixed-width TXT: ddmmyyyy, implied decimals,
			// ND/NC/DP/SI codes, a "SALDO INICIAL" record.
			Name: "ve-bdv", Bank: "Banco de Venezuela", Country: "VE", Currency: "VES",
			Fixed: []FixedField{
				{Start: 1, Width: 20},   // 1 cuenta
				{Start: 21, Width: 8},   // 2 fecha ddmmyyyy
				{Start: 29, Width: 13},  // 3 referencia
				{Start: 42, Width: 30},  // 4 descripción
				{Start: 72, Width: 18},  // 5 débito
				{Start: 90, Width: 18},  // 6 crédito
				{Start: 108, Width: 18}, // 7 saldo
				{Start: 126, Width: 2},  // 8 tipo: ND, NC, DP, SI
				{Start: 128, Width: 4},  // 9 código
			},
			Columns: []Column{
				at(RoleAccount, 1), at(RoleDate, 2), at(RoleReference, 3), at(RoleDescription, 4),
				at(RoleDebit, 5), at(RoleCredit, 6), at(RoleBalance, 7), at(RoleCode, 8),
			},
			PseudoCodes: []string{"SI"},
			Number:      Number{Implied: 2},
			Dates:       []string{"ddmmyyyy"},
		},
	}
}

// genericNames are the column names GuessProfile understands in a bank it
// does not know, folded, with the role each one gives.
var genericNames = map[string]Role{
	"fecha": RoleDate, "fecha operacion": RoleDate, "fecha de operacion": RoleDate, "fecha movimiento": RoleDate,
	"fecha transaccion": RoleDate, "fecha contable": RoleDate, "dia": RoleDate, "date": RoleDate, "posting date": RoleDate,
	"fecha de transaccion": RoleDate, "fecha de movimiento": RoleDate, "fecha de la operacion": RoleDate, "fecha mov": RoleDate,
	"transaction date": RoleDate, "booking date": RoleDate, "fecha de proceso": RoleValueDate, "fecha proceso": RoleValueDate,
	"fecha valor": RoleValueDate, "fecha valuta": RoleValueDate, "value date": RoleValueDate,
	"descripcion": RoleDescription, "detalle": RoleDescription, "glosa": RoleDescription, "concepto": RoleDescription,
	"movimiento": RoleDescription, "movimientos": RoleDescription, "descripcion movimiento": RoleDescription,
	"detalle movimiento": RoleDescription, "description": RoleDescription, "memo": RoleDescription, "details": RoleDescription,
	"cargo": RoleDebit, "cargos": RoleDebit, "debito": RoleDebit, "debitos": RoleDebit, "retiro": RoleDebit, "retiros": RoleDebit,
	"giro": RoleDebit, "giros": RoleDebit, "debe": RoleDebit, "debit": RoleDebit, "debits": RoleDebit, "withdrawal": RoleDebit,
	"withdrawals": RoleDebit, "cheques y otros cargos": RoleDebit, "giros o cargos": RoleDebit,
	"abono": RoleCredit, "abonos": RoleCredit, "credito": RoleCredit, "creditos": RoleCredit, "deposito": RoleCredit,
	"depositos": RoleCredit, "haber": RoleCredit, "credit": RoleCredit, "credits": RoleCredit, "deposits": RoleCredit,
	"depositos y abonos": RoleCredit, "depositos o abonos": RoleCredit,
	"monto": RoleAmount, "importe": RoleAmount, "valor": RoleAmount, "amount": RoleAmount,
	"cargo abono": RoleAmount, "cargo o abono": RoleAmount, "monto movimiento": RoleAmount, "importe movimiento": RoleAmount,
	"valor movimiento": RoleAmount, "monto operacion": RoleAmount, "transaction amount": RoleAmount,
	"ingreso": RoleCredit, "ingresos": RoleCredit, "entrada": RoleCredit, "entradas": RoleCredit, "abonos y depositos": RoleCredit,
	"egreso": RoleDebit, "egresos": RoleDebit, "salida": RoleDebit, "salidas": RoleDebit, "cargos y retiros": RoleDebit,
	"saldo disponible": RoleBalance, "saldo final": RoleBalance, "running balance": RoleBalance,
	"descripcion operacion": RoleDescription, "descripcion de la operacion": RoleDescription, "detalle de la transaccion": RoleDescription,
	"glosa movimiento": RoleDescription, "narrative": RoleDescription, "observaciones": RoleDescription,
	"saldo": RoleBalance, "saldo diario": RoleBalance, "saldo contable": RoleBalance, "balance": RoleBalance,
	"referencia": RoleReference, "n documento": RoleReference, "no documento": RoleReference, "nro documento": RoleReference,
	"numero documento": RoleReference, "n de documento": RoleReference, "documento": RoleReference, "nro operacion": RoleReference,
	"n operacion": RoleReference, "numero de operacion": RoleReference, "comprobante": RoleReference, "reference": RoleReference,
	"pagador": RolePayer, "nombre pagador": RolePayer, "ordenante": RolePayer, "nombre ordenante": RolePayer, "nombre del ordenante": RolePayer,
	"rut pagador": RolePayerID, "rut ordenante": RolePayerID, "nit pagador": RolePayerID, "rfc ordenante": RolePayerID, "cuenta ordenante": RolePayerID,
	"sucursal": RoleBranch, "oficina": RoleBranch, "canal": RoleBranch, "canal o sucursal": RoleBranch, "agencia": RoleBranch,
}

// genericDates are the date layouts a guessed profile may use, the
// Latin American day-first ones before the US month-first one.
var genericDates = []string{"dd/mm/yyyy", "dd-mm-yyyy", "yyyy-mm-dd", "yyyy/mm/dd", "dd.mm.yyyy", "dd/mm/yy", "dd-mm-yy", "yyyymmdd", "mm/dd/yyyy", "dd/mm"}

// GuessProfile builds a profile for a bank Cartera does not know from its
// column names (Fecha, Descripción, Cargos, Abonos, Monto, Saldo, Date,
// Amount…) and a sample of its rows, which decide the date layout. ok is
// false when the names give no date column or no amount, debit or credit
// column. The result has no name; the mapping wizard shows it to the user,
// who may correct it and save it under a name.
func GuessProfile(header []string, sample [][]string) (Profile, bool) {
	p := Profile{Name: "guess", Bank: ""}
	seen := map[Role]bool{}
	dateCol := -1
	for j, h := range header {
		f := fold(h)
		role, ok := genericNames[f]
		if !ok {
			role, ok = genericNames[dropCurrency(f)]
		}
		if !ok || seen[role] && role != RoleDescription {
			continue
		}
		seen[role] = true
		if role == RoleDate && dateCol < 0 {
			dateCol = j
		}
		p.Columns = append(p.Columns, Column{Role: role, Names: []string{strings.TrimSpace(h)}, Optional: role != RoleDate})
	}
	if dateCol < 0 || !seen[RoleAmount] && !seen[RoleDebit] && !seen[RoleCredit] {
		return Profile{}, false
	}
	counts := make([]int, len(genericDates))
	for _, row := range sample {
		if dateCol >= len(row) {
			continue
		}
		for i, l := range compileLayouts(genericDates) {
			if _, ok := l.parse(row[dateCol]); ok {
				counts[i]++
			}
		}
	}
	order := make([]int, len(genericDates))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return counts[order[a]] > counts[order[b]] })
	for _, i := range order {
		if counts[i] > 0 || counts[order[0]] == 0 {
			p.Dates = append(p.Dates, genericDates[i])
		}
	}
	return p, true
}

// guessSheet tries GuessProfile on each row near the top of a file (and on
// each pair of rows, for a header over two rows), keeping the guess that
// understands the most columns.
func guessSheet(s *sheet) (Profile, bool) {
	var best Profile
	found := false
	for i := 0; i < min(len(s.rows), headerSearch); i++ {
		for n := 1; n <= 2 && i+n <= len(s.rows); n++ {
			var header []string
			if n == 1 {
				header = s.rows[i].cells
			} else {
				header = joinRaw(s.rows[i : i+n])
			}
			var sample [][]string
			for _, r := range s.rows[i+n : min(len(s.rows), i+n+20)] {
				sample = append(sample, r.cells)
			}
			if g, ok := GuessProfile(header, sample); ok && (!found || len(g.Columns) > len(best.Columns)) {
				best, found = g, true
			}
		}
	}
	return best, found
}

// joinRaw joins the texts of each column of header rows as the file writes them.
func joinRaw(rows []tableRow) []string {
	width := 0
	for _, r := range rows {
		width = max(width, len(r.cells))
	}
	out := make([]string, width)
	for j := range out {
		var parts []string
		for _, r := range rows {
			if v := cellAt(r.cells, j); v != "" {
				parts = append(parts, v)
			}
		}
		out[j] = strings.Join(parts, " ")
	}
	return out
}

// FindProfile returns the built-in profile of that name.
func FindProfile(name string) (Profile, bool) {
	for _, p := range BuiltinProfiles() {
		if p.Name == name {
			return p, true
		}
	}
	return Profile{}, false
}
