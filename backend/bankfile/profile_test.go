package bankfile

import (
	"errors"
	"testing"

	"cartera/backend/money"
)

func TestDateLayout_ReadsEachShape(t *testing.T) {
	cases := []struct {
		layout, text string
		want         ymd
		ok           bool
	}{
		{"dd/mm/yyyy", "04/11/2024", ymd{2024, 11, 4}, true},
		{"dd/mm/yyyy", "4/11/2024", ymd{2024, 11, 4}, true},
		{"d/m/yyyy", "12/2/2024", ymd{2024, 2, 12}, true},
		{"dd-mm-yyyy", "29-12-2017", ymd{2017, 12, 29}, true},
		{"yyyy/mm/dd", "2024/11/05", ymd{2024, 11, 5}, true},
		{"yyyymmdd", "20241105", ymd{2024, 11, 5}, true},
		{"yymmdd", "190901", ymd{2019, 9, 1}, true},
		{"ddmmyyyy", "01102019", ymd{2019, 10, 1}, true},
		{"mm/dd/yyyy", "12/28/2017", ymd{2017, 12, 28}, true},
		{"dd/mm", "31/12", ymd{0, 12, 31}, true},
		{"dd/mm", "29/02", ymd{0, 2, 29}, true},
		{"yyyy-mm-dd", "2024-11-02T10:15:22.000-03:00", ymd{2024, 11, 2}, true},
		{"dd/mm/yyyy", "01/11/2024 10:22", ymd{2024, 11, 1}, true},
		{"dd/mm/yyyy", "32/01/2024", ymd{}, false},
		{"dd/mm/yyyy", "29/02/2023", ymd{}, false},
		{"dd/mm/yyyy", "12/28/2017", ymd{}, false},
		{"dd/mm/yyyy", "2024-11-05", ymd{}, false},
		{"dd/mm/yyyy", "04/11/24", ymd{}, false},
		{"yyyymmdd", "2024115", ymd{}, false},
		{"dd/mm", "04/11/2024", ymd{}, false},
	}
	for _, c := range cases {
		l, err := compileDateLayout(c.layout)
		if err != nil {
			t.Fatalf("%s: %v", c.layout, err)
		}
		got, ok := l.parse(c.text)
		if ok != c.ok || got != c.want {
			t.Errorf("%s %q = %v %v, want %v %v", c.layout, c.text, got, ok, c.want, c.ok)
		}
	}
	for _, bad := range []string{"", "dd", "yyy/mm/dd", "dd/mm/yyyyy", "ddmyyyy", "hh:mm"} {
		if _, err := compileDateLayout(bad); err == nil {
			t.Errorf("layout %q accepted", bad)
		}
	}
}

func TestExcelSerial_1900And1904(t *testing.T) {
	cases := []struct {
		v     string
		d1904 bool
		want  ymd
		ok    bool
	}{
		{"43102", false, ymd{2018, 1, 2}, true},
		{"43102.75", false, ymd{2018, 1, 2}, true},
		{"45658", false, ymd{2025, 1, 1}, true},
		{"43102", true, ymd{2022, 1, 3}, true},
		{"60", false, ymd{}, false}, // Excel's phantom 29 February 1900, and too old anyway
		{"1234", false, ymd{}, false},
		{"241105", false, ymd{}, false},
		{"4310a", false, ymd{}, false},
	}
	for _, c := range cases {
		got, ok := excelSerial(c.v, c.d1904)
		if ok != c.ok || got != c.want {
			t.Errorf("excelSerial(%q, %v) = %v %v, want %v %v", c.v, c.d1904, got, ok, c.want, c.ok)
		}
	}
}

func TestPlaceYear_NeverInTheFuture(t *testing.T) {
	d := dateReader{ref: testToday} // 2025-06-30
	for _, c := range []struct {
		m, d int
		want string
	}{{6, 30, "2025-06-30"}, {7, 1, "2024-07-01"}, {12, 31, "2024-12-31"}, {1, 2, "2025-01-02"}, {2, 29, "2024-02-29"}} {
		got, ok := d.placeYear(ymd{0, c.m, c.d})
		if !ok || got.String() != c.want {
			t.Errorf("%02d/%02d = %v %v, want %s", c.d, c.m, got, ok, c.want)
		}
	}
}

func TestDecideStyle_PerFile(t *testing.T) {
	cases := []struct {
		name    string
		cells   []string
		exp     int
		country string
		want    money.Style
	}{
		{"both separators, comma last", []string{"1.234.567,89"}, 2, "", money.StyleCommaDecimal},
		{"both separators, dot last", []string{"1,234,567.89"}, 2, "CL", money.StyleDotDecimal},
		{"two decimals after a comma", []string{"3098,59", "75,00"}, 2, "MX", money.StyleCommaDecimal},
		{"two decimals after a dot", []string{"9302.42"}, 2, "AR", money.StyleDotDecimal},
		{"pesos grouped with dots", []string{"1.190.000", "9.900"}, 0, "", money.StyleCommaDecimal},
		{"pesos grouped with commas", []string{"$3,000,000", "$6,500"}, 0, "CL", money.StyleDotDecimal},
		{"only 18.150: the country decides", []string{"18.150"}, 2, "CL", money.StyleCommaDecimal},
		{"only 18.150 in Mexico", []string{"18.150"}, 2, "MX", money.StyleDotDecimal},
		{"the majority tells", []string{"1.234", "12,50", "7,25", "3.000,10"}, 2, "MX", money.StyleCommaDecimal},
	}
	for _, c := range cases {
		if got := decideStyle(c.cells, c.exp, c.country); got != c.want {
			t.Errorf("%s: %+v, want %+v", c.name, got, c.want)
		}
	}
}

func TestAmountReader_Shapes(t *testing.T) {
	clp := amountReader{currency: "CLP", exp: 0, style: money.StyleCommaDecimal}
	usd := amountReader{currency: "USD", exp: 2, style: money.StyleDotDecimal}
	sheet := amountReader{currency: "USD", exp: 2, style: money.StyleDotDecimal, machine: true}
	implied := amountReader{currency: "VES", exp: 2, implied: 2, style: money.StyleCommaDecimal}
	cases := []struct {
		name string
		a    amountReader
		v    string
		want int64
		err  error
	}{
		{"grouped pesos", clp, "1.234.567", 1234567, nil},
		{"parentheses", clp, "(1.234)", -1234, nil},
		{"trailing minus", clp, "1.234-", -1234, nil},
		{"dollar sign and NBSP", clp, "$\u00a01.234", 1234, nil},
		{"CLP code", clp, "CLP 1.234", 1234, nil},
		{"forced text", clp, "'1.234", 1234, nil},
		{"zero decimals allowed", clp, "1.234,00", 1234, nil},
		{"dash is no amount", clp, "-", 0, errNoAmount},
		{"dollar dash is no amount", clp, "$ -", 0, errNoAmount},
		{"empty is no amount", clp, "  ", 0, errNoAmount},
		{"cents", usd, "-1,234.5", -123450, nil},
		{"binary noise of a spreadsheet", sheet, "1234.5600000000001", 123456, nil},
		{"exponent of a spreadsheet", sheet, "-1.2E+3", -120000, nil},
		{"implied decimals", implied, "00000120000000", 120000000, nil},
		{"implied decimals, negative", implied, "-0000000083300", -83300, nil},
	}
	for _, c := range cases {
		got, err := c.a.read(c.v)
		if !errors.Is(err, c.err) || got != c.want {
			t.Errorf("%s: read(%q) = %d, %v; want %d, %v", c.name, c.v, got, err, c.want, c.err)
		}
	}
	for _, bad := range []string{"12,34,5", "1.2.3,4,5", "abc", "1.234,5", "USD 5"} {
		if _, err := clp.read(bad); err == nil || errors.Is(err, errNoAmount) {
			t.Errorf("read(%q) accepted for CLP: %v", bad, err)
		}
	}
}

func TestMachineNumber_RoundsTo15Digits(t *testing.T) {
	for in, want := range map[string]string{
		"1234.5600000000001":  "1234.56",
		"0.30000000000000004": "0.3",
		"889429248937":        "889429248937",
		"8.89429248937E+11":   "889429248937",
		"1.15E+14":            "115000000000000",
		"-1.5e-2":             "-0.015",
		"99.99999999999999":   "100",
		"0":                   "0",
	} {
		if got, ok := machineNumber(in); !ok || got != want {
			t.Errorf("machineNumber(%q) = %q %v, want %q", in, got, ok, want)
		}
	}
	if _, ok := machineNumber("1.2.3"); ok {
		t.Error("machineNumber accepted 1.2.3")
	}
}

func TestFold_IgnoresCaseAccentsAndPunctuation(t *testing.T) {
	for in, want := range map[string]string{
		"N° DE\u00a0DOCUMENTO": "n de documento",
		"Nº de Documento":      "n de documento",
		"DESCRIPCIÓN":          "descripcion",
		"Cargos (CLP)":         "cargos clp",
		"Tip, Operación ":      "tip operacion",
		"NET_CREDIT_AMOUNT":    "net credit amount",
		"Día":                  "dia",
	} {
		if got := fold(in); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestValidate_RejectsUnusableProfiles(t *testing.T) {
	good := Profile{Name: "x", Columns: []Column{col(RoleDate, "Fecha"), col(RoleAmount, "Monto")}, Dates: []string{"dd/mm/yyyy"}}
	if err := good.Validate(); err != nil {
		t.Fatalf("good profile: %v", err)
	}
	bad := map[string]func(p *Profile){
		"no name":          func(p *Profile) { p.Name = "" },
		"no date":          func(p *Profile) { p.Columns = p.Columns[1:] },
		"no amount":        func(p *Profile) { p.Columns = p.Columns[:1] },
		"no date layout":   func(p *Profile) { p.Dates = nil },
		"bad date layout":  func(p *Profile) { p.Dates = []string{"qq"} },
		"bad decimal":      func(p *Profile) { p.Number.Decimal = ";" },
		"sign, no values":  func(p *Profile) { p.Columns = append(p.Columns, col(RoleSign, "C/A")) },
		"column, no place": func(p *Profile) { p.Columns = append(p.Columns, Column{Role: RoleBalance}) },
	}
	for name, breakIt := range bad {
		p := good
		p.Columns = append([]Column(nil), good.Columns...)
		breakIt(&p)
		if p.Validate() == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
