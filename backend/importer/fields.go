// Package importer brings the clients, invoices and payments of another
// program's export into a portfolio. The rules that read one row — which
// column is which, what a date or an amount says, whether a tax ID holds —
// are pure and live in fields.go and values.go; run.go streams a file through
// them into the store, all or nothing.
package importer

import (
	"strings"
	"unicode"

	"cartera/backend/ar"
)

// Target is what a file holds.
type Target string

// Targets of an import.
const (
	Clients  Target = "clients"
	Invoices Target = "invoices"
	Payments Target = "payments"
)

// ValidTarget reports whether t is a known target.
func ValidTarget(t Target) bool { return t == Clients || t == Invoices || t == Payments }

// Field is a column's meaning.
type Field string

// Fields a column can be mapped to. "" ignores the column.
const (
	FLegalName   Field = "legalName"  // clients: the client's legal name
	FTradeName   Field = "tradeName"  // clients
	FTaxID       Field = "taxId"      // every target: the client's tax ID
	FClientName  Field = "clientName" // invoices, payments: the client's name (when there is no tax ID, or to create it)
	FTerms       Field = "paymentTermsDays"
	FCreditLimit Field = "creditLimit"
	FSegment     Field = "segment"
	FContact     Field = "contact"
	FEmail       Field = "email"
	FPhone       Field = "phone"
	FNotes       Field = "notes"
	FKind        Field = "kind"
	FNumber      Field = "number" // invoices: the document number; payments: the invoice paid
	FSeries      Field = "series" // invoices: a series written before the number ("A" + "1001" → "A-1001"), as Mexican CFDI exports have
	FIssueDate   Field = "issueDate"
	FDueDate     Field = "dueDate"
	FAmount      Field = "amount"
	FBalance     Field = "balance"
	FCurrency    Field = "currency"
	FDescription Field = "description"
	FDate        Field = "date" // payments
	FReference   Field = "reference"
	FMethod      Field = "method"
)

// FieldSpec describes a field a target accepts.
type FieldSpec struct {
	Field    Field `json:"field"`
	Required bool  `json:"required"`
}

// Fields lists, in the order the wizard shows them, the fields of a target.
func Fields(t Target) []FieldSpec {
	switch t {
	case Clients:
		return []FieldSpec{{FLegalName, true}, {FTradeName, false}, {FTaxID, false}, {FTerms, false}, {FCreditLimit, false},
			{FSegment, false}, {FContact, false}, {FEmail, false}, {FPhone, false}, {FNotes, false}}
	case Invoices:
		return []FieldSpec{{FTaxID, false}, {FClientName, false}, {FKind, false}, {FSeries, false}, {FNumber, true}, {FIssueDate, true}, {FDueDate, false},
			{FAmount, true}, {FBalance, false}, {FCurrency, false}, {FDescription, false}}
	case Payments:
		return []FieldSpec{{FTaxID, false}, {FClientName, false}, {FDate, true}, {FAmount, true}, {FCurrency, false},
			{FNumber, false}, {FReference, false}, {FMethod, false}, {FNotes, false}}
	}
	return nil
}

func accepts(t Target, f Field) bool {
	for _, s := range Fields(t) {
		if s.Field == f {
			return true
		}
	}
	return false
}

// aliases are the column names exports use, folded by foldHeader. A name can
// mean different fields for different targets ("Fecha" is the issue date of
// an invoice and the date of a payment); the first field that accepts it wins.
var aliases = map[Field][]string{
	FTaxID: {"rut", "rut cliente", "rut receptor", "rut deudor", "nit", "nit cliente", "nit tercero", "ruc", "ruc cliente", "rfc", "rfc cliente", "rfc receptor",
		"cuit", "cuit cliente", "cuit cuil", "tax id", "taxid", "vat", "vat number", "id fiscal", "identificacion", "identificacion tributaria",
		"numero identificacion", "numero de identificacion", "documento cliente", "nif", "cedula", "identificador tributario"},
	FLegalName: {"razon social", "nombre", "nombre cliente", "cliente", "nombre o razon social", "legal name", "name", "customer", "customer name",
		"client", "client name", "company", "empresa", "tercero", "nombre tercero", "deudor", "razon social cliente"},
	FClientName: {"razon social", "cliente", "nombre cliente", "nombre", "nombre o razon social", "razon social receptor", "receptor", "nombre receptor",
		"customer", "customer name", "client", "client name", "tercero", "nombre tercero", "deudor", "razon social cliente"},
	FTradeName:   {"nombre fantasia", "nombre de fantasia", "nombre comercial", "fantasia", "trade name", "dba"},
	FTerms:       {"plazo", "plazo pago", "plazo de pago", "dias credito", "dias de credito", "condicion de pago", "condicion pago", "payment terms", "terms", "credit days"},
	FCreditLimit: {"cupo", "cupo credito", "cupo de credito", "limite credito", "limite de credito", "credit limit"},
	FSegment:     {"segmento", "categoria", "tipo cliente", "tipo de cliente", "zona", "segment", "category", "region"},
	FContact:     {"contacto", "nombre contacto", "nombre de contacto", "contact", "contact name"},
	FEmail:       {"email", "e mail", "correo", "correo electronico", "mail", "email contacto", "correo contacto"},
	FPhone:       {"telefono", "fono", "celular", "movil", "whatsapp", "phone", "mobile", "tel", "telefono contacto"},
	FNotes:       {"notas", "nota", "observaciones", "observacion", "comentario", "comentarios", "notes", "comments"},
	FKind: {"tipo doc", "tipo documento", "tipo de documento", "tipo", "tipo dte", "dte", "clase documento", "tipo comprobante", "document type",
		"doc type", "type", "tipo docto", "td"},
	FNumber: {"numero documento", "numero de documento", "numero", "folio", "numero folio", "numero factura", "numero de factura", "factura",
		"documento", "doc", "invoice", "invoice number", "document number", "number", "doc number", "numero doc", "numero docto",
		"numero comprobante", "comprobante"},
	FSeries: {"serie", "series", "serie documento", "prefijo", "prefix"},
	FIssueDate: {"fecha emision", "fecha de emision", "emision", "fecha", "fecha documento", "fecha factura", "fecha doc", "fecha docto",
		"issue date", "invoice date", "date", "fecha expedicion"},
	FDueDate: {"vencimiento", "fecha vencimiento", "fecha de vencimiento", "vence", "fecha vcto", "vcto", "due date", "due", "fecha limite de pago"},
	FAmount: {"monto", "monto total", "total", "importe", "importe total", "valor", "valor total", "monto factura", "monto documento",
		"total documento", "amount", "total amount", "invoice amount", "monto bruto", "debe", "cargo", "debito", "cargos", "monto original", "monto pagado", "monto pago", "abono", "pago", "importe pagado", "valor pagado"},
	FBalance: {"saldo", "saldo pendiente", "saldo documento", "saldo por cobrar", "saldo insoluto", "pendiente", "por cobrar", "monto pendiente",
		"balance", "open", "open amount", "open balance", "amount due", "outstanding", "balance due"},
	FCurrency:    {"moneda", "divisa", "currency", "mon", "tipo moneda", "moneda documento"},
	FDescription: {"descripcion", "glosa", "detalle", "concepto", "description", "memo"},
	FDate:        {"fecha pago", "fecha de pago", "fecha", "fecha abono", "fecha deposito", "payment date", "date", "fecha operacion"},
	FReference:   {"referencia", "numero operacion", "numero de operacion", "operacion", "reference", "ref", "comprobante", "numero comprobante", "glosa"},
	FMethod:      {"medio de pago", "medio pago", "forma de pago", "forma pago", "metodo", "metodo de pago", "medio", "method", "payment method"},
}

// foldHeader reduces a column name to lower-case words without accents or
// punctuation, and spells every way of writing "number" (Nº, N°, Nro., No.,
// Núm.) as "numero": "Nº Documento" and "Nro. Docto." fold to "numero documento"
// and "numero docto".
func foldHeader(s string) string {
	s = strings.NewReplacer("º", " numero ", "°", " numero ", "#", " numero ").Replace(s)
	s = ar.Fold(s)
	words := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	out := words[:0]
	for i, w := range words {
		switch w {
		case "n", "no", "nro", "num", "numero", "nr", "number", "nbr":
			w = "numero"
		case "de", "del":
			// "Fecha de Emisión" = "Fecha Emisión"; kept when it is the first word.
			if i > 0 {
				continue
			}
		}
		if len(out) > 0 && out[len(out)-1] == "numero" && w == "numero" {
			continue
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

var folded = func() map[Field]map[string]bool {
	m := map[Field]map[string]bool{}
	for f, names := range aliases {
		m[f] = map[string]bool{}
		for _, n := range names {
			m[f][foldHeader(n)] = true
		}
	}
	return m
}()

// weakNames are column names too generic to win over a specific one: in
// Chile's sales register "Nro" is the row counter and "Folio" the document
// number, so "Folio" takes the number and "Nro" is left alone.
var weakNames = map[string]bool{
	"numero": true, "fecha": true, "nombre": true, "tipo": true, "total": true, "documento": true, "doc": true,
	"date": true, "number": true, "type": true, "name": true, "valor": true, "importe": true, "comprobante": true,
}

// AutoMap maps each column of header to the field its name suggests for
// target t, or "" when none does. A field takes the first column that names
// it specifically, else the first that names it generically (weakNames).
func AutoMap(t Target, header []string) []Field {
	out := make([]Field, len(header))
	taken := map[Field]bool{}
	for pass := 0; pass < 2; pass++ {
		for i, h := range header {
			name := foldHeader(h)
			if name == "" || out[i] != "" || weakNames[name] != (pass == 1) {
				continue
			}
			for _, spec := range Fields(t) {
				if !taken[spec.Field] && folded[spec.Field][name] {
					out[i] = spec.Field
					taken[spec.Field] = true
					break
				}
			}
		}
	}
	return out
}

// Signature identifies a file's layout by its folded column names, so that a
// saved mapping is offered again for the next export of the same program.
func Signature(header []string) string {
	parts := make([]string, len(header))
	for i, h := range header {
		parts[i] = foldHeader(h)
	}
	return strings.Join(parts, "|")
}

// CheckMapping reports the required fields of t that no column is mapped to,
// and the fields mapped twice or not accepted by t.
func CheckMapping(t Target, columns []Field) error {
	var is ar.Issues
	count := map[Field]int{}
	for _, f := range columns {
		if f == "" {
			continue
		}
		count[f]++
		if !accepts(t, f) {
			is.Add("mapping", "import.field_not_for_target", "field", string(f))
		}
	}
	for _, s := range Fields(t) {
		if count[s.Field] > 1 {
			is.Add("mapping", "import.field_twice", "field", string(s.Field))
		}
		if s.Required && count[s.Field] == 0 {
			is.Add("mapping", "import.field_missing", "field", string(s.Field))
		}
	}
	if t != Clients && count[FTaxID] == 0 && count[FClientName] == 0 {
		is.Add("mapping", "import.client_column_missing")
	}
	return is.Err()
}
