package importer

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"cartera/backend/ar"
	"cartera/backend/date"
	"cartera/backend/money"
)

// fuzzHeader is a realistic Chilean ERP export's header.
var fuzzHeader = []string{"RUT", "Razón Social", "Tipo Doc", "Folio", "Fecha Emisión", "Fecha Vencimiento", "Monto", "Saldo", "Moneda", "Glosa"}

// FuzzParseRow parses a ";"-separated row of an invoices file: it never
// panics, and a row without errors makes a record the store can take.
func FuzzParseRow(f *testing.F) {
	for _, seed := range []string{
		"76.086.428-5;Comercial Uno SpA;Factura;1001;15/10/2026;14/11/2026;1.190.000;1.190.000;CLP;Venta octubre",
		"11.111.111-1;Comercial Uno SpA;33;1002;2026-10-16;2026-11-15;2.380.000;1.000.000;;",
		"12.345.678-5;Distribuidora Dos Ltda;Nota de Crédito;1003;17/10/2026;;-595.000;-595.000;$;",
		"12.345.678-5;Distribuidora Dos Ltda;;1004;17-oct-2026;16/11/2026;(5);;;",
		"12.345.678-5;;Factura;1005;31/02/2026;16/11/2026;1.234,5.6;1.000;CLP;",
		"12.345.678-5;X;Factura;1006;20261017;20261016;1.000;;;",
		"12.345.678-5;X;Factura;1007;17/10/2026;17/10/2026;-0;-0;;",
		"12.345.678-5;X;Factura;1008;17/10/2026;17/10/2026;−1.000;;;",     // unicode minus
		"12.345.678-5;X;Factura;1009;17/10/2026;17/10/2026;1\u00a0000;;;", // NBSP as group
		"12.345.678-5;X;Factura;1010;17/10/2026;17/10/2026;999.999.999.999.999.999.999;;;",
		"12.345.678-5;X;Factura;1011;17/10/2026;17/10/2026;" + strings.Repeat("9", 1000) + ";;;",
		"12.345.678-5;X;Factura;1012;17/10/2026;17/10/2026;1.000;2.000;;",
		"12.345.678-5;X;Factura;1013;17/10/2026;17/10/2026;1.000;1.000;USD;",
		"12.345.678-5;X;Factura;1014;17/10/2026;17/10/2026;1.000,50;1.000;US$;",
		"12.345.678-5;X;Factura;1015;17/10/2026;17/10/2026;1.000;1.000;UF;",
		"12.345.678-5;X;Nota de Débito;1016;17/10/2026;17/10/2026;1e5;;;",
		"12.345.678-5;X;Factura;1017;46053;46100;1234.5;1234.5;;",
		"Total;;;;;;1.000.000;;;",
		";;;;;;;;;",
		"",
		"12.345.678-5;X;Factura;" + strings.Repeat("ñ", 300) + ";17/10/2026;17/10/2026;1.000;;;",
		"12.345.678-5;X;Factura;1018;29/02/2028;01/03/2028;+1.000;+500;;",
		"12.345.678-5;X;61;1019;01/01/1950;31/12/2100;-1;-2;;",
		"12.345.678-5;X;Factura;1020;17/10/2026;17/10/2026;$ 1.000;$ -1.000;;",
	} {
		f.Add(seed, false, false)
		f.Add(seed, true, true)
	}
	f.Fuzz(func(t *testing.T, line string, cells, dotDecimal bool) {
		decimal := ","
		if dotDecimal {
			decimal = "."
		}
		p := NewParser(Invoices, fuzzHeader, AutoMap(Invoices, fuzzHeader), Format{DateOrder: DMY, Decimal: decimal, Cells: cells}, "CL", "CLP")
		fields := strings.Split(line, ";")
		totals := p.IsTotals(fields)
		rec, probs := p.Parse(7, fields)
		for _, pr := range probs {
			if pr.Line != 7 {
				t.Errorf("problem on line %d: %+v", pr.Line, pr)
			}
			if pr.Key == "" || pr.Class == "" {
				t.Errorf("problem without a key or class: %+v", pr)
			}
			if !utf8.ValidString(pr.Value) && utf8.ValidString(line) {
				t.Errorf("a problem cut a valid value into invalid UTF-8: %q", pr.Value)
			}
			if pr.Class == ClassError {
				return
			}
		}
		if totals {
			return // the caller leaves it out
		}
		d := rec.Doc
		if d.Amount <= 0 || d.Amount > money.MaxAbs {
			t.Errorf("amount %d without an error (line %q)", d.Amount, line)
		}
		if rec.Balance < 0 || rec.Balance > d.Amount {
			t.Errorf("balance %d of an amount %d without an error (line %q)", rec.Balance, d.Amount, line)
		}
		if d.IssueDate.IsZero() {
			t.Errorf("no issue date without an error (line %q)", line)
		}
		if !d.DueDate.IsZero() && !d.IssueDate.IsZero() && d.DueDate.Before(d.IssueDate) {
			t.Errorf("due %s before issue %s without an error (line %q)", d.DueDate, d.IssueDate, line)
		}
		if strings.TrimSpace(d.Number) == "" || len(d.Number) > ar.MaxNumberLen {
			t.Errorf("number %q without an error (line %q)", d.Number, line)
		}
		if !money.Known(d.Currency) {
			t.Errorf("currency %q without an error (line %q)", d.Currency, line)
		}
		if d.Kind != ar.KindInvoice && d.Kind != ar.KindCreditNote && d.Kind != ar.KindDebitNote {
			t.Errorf("kind %q without an error (line %q)", d.Kind, line)
		}
		if rec.Client.TaxID == "" && rec.Client.Name == "" {
			t.Errorf("no client without an error (line %q)", line)
		}
	})
}

// FuzzParseAmountAndDate: amounts and dates never panic, and what they
// return without a reason is in range.
func FuzzParseAmountAndDate(f *testing.F) {
	for _, s := range []string{
		"1.234.567", "1,234,567.89", "1.234,5.6", "-0", "(5)", "(1.000)", "−1.000", "1\u00a0000", "1 000,50", "$ 1.000", "US$ 10.50",
		"999999999999999999999", "1e15", "1E+300", "-1e-300", "1234.5000000000002", "0.000000000001", strings.Repeat("9", 1000),
		"1." + strings.Repeat("0", 500) + "1", "31/02/2026", "29/02/2028", "2026-01-31T00:00:00", "31-ene-2026", "5-Sept-2026",
		"20260131", "46053", "46053.5", "18264", "73051", "73052", "9999999999999999999999", "01/01/1949", "1/1/50", "1/1/49",
		"13/13/2026", "2026/13/01", "00/00/0000", "31.12.2100", "01.01.2101", "", " ", "-", "--1", "+-1", ".", ",", "1..2", "1,,2",
		"١٢٣", "１２３", "1_000", "0x10", "NaN", "Inf", "\x00", "\xff\xfe",
	} {
		f.Add(s, uint8(0), false)
		f.Add(s, uint8(7), true)
	}
	f.Fuzz(func(t *testing.T, s string, mode uint8, cells bool) {
		currency := "CLP"
		if mode&1 != 0 {
			currency = "MXN"
		}
		style := money.StyleCommaDecimal
		if mode&2 != 0 {
			style = money.StyleDotDecimal
		}
		v, reason := ParseAmount(s, currency, style, cells)
		if reason == "" && (v > 1e15 || v < -1e15) {
			t.Errorf("ParseAmount(%q, %s, %c, %v) = %d: out of range without a reason", s, currency, style.Decimal, cells, v)
		}
		if reason != "" && v != 0 {
			t.Errorf("ParseAmount(%q) = %d with reason %q", s, v, reason)
		}

		order := []DateOrder{DMY, MDY, YMD, ""}[int(mode>>2)%4]
		d, reason := ParseDate(s, order, cells)
		if reason != "" {
			if !d.IsZero() {
				t.Errorf("ParseDate(%q) = %s with reason %q", s, d, reason)
			}
			return
		}
		if !date.Valid(d.Year, d.Month, d.Day) {
			t.Errorf("ParseDate(%q, %s, %v) = %d-%d-%d: not a date", s, order, cells, d.Year, d.Month, d.Day)
		}
		if d.Year < 1950 || d.Year > 2100 {
			t.Errorf("ParseDate(%q, %s, %v) = %s: out of 1950…2100", s, order, cells, d)
		}
		if d.Month < time.January || d.Month > time.December {
			t.Errorf("ParseDate(%q) = month %d", s, d.Month)
		}
	})
}

// TestParseDate_MonthNamesInCapitals: Oracle-based ERPs write DD-MON-YYYY in
// capitals ("15-OCT-2026"). A month name holding a "T" must not be taken for
// the "T" of an ISO time ("2026-01-31T00:00:00").
func TestParseDate_MonthNamesInCapitals(t *testing.T) {
	for in, want := range map[string]string{
		"15-OCT-2026":  "2026-10-15",
		"15-Oct-2026":  "2026-10-15",
		"15-SET-2026":  "2026-09-15",
		"15-SEPT-2026": "2026-09-15",
		"15-AGO-2026":  "2026-08-15",
		"15-ENE-26":    "2026-01-15",
	} {
		d, reason := ParseDate(in, DMY, false)
		if reason != "" || d.String() != want {
			t.Errorf("ParseDate(%q) = %s, %q; want %s", in, d, reason, want)
		}
	}
}
