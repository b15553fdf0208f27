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
	// FCheckDigit is a tax ID's check digit kept in a column of its own
	// (Colombia's NIT and DV, some Chilean RUT exports).
	FCheckDigit  Field = "checkDigit"
	FPointOfSale Field = "pointOfSale" // invoices: Argentina's punto de venta, written before the number ("0003-00012001")
	FLetter      Field = "letter"      // invoices: Argentina's letter (A, B, C, E, M) when a column of its own keeps it
	FPaid        Field = "paid"        // invoices: what was paid (Abonos, Cobrado); the balance is the amount less it when the file gives none
	FAppliesTo   Field = "appliesTo"   // invoices: for a credit note, the document it corrects
	// FAppliesToSeries is the series of the document a credit note corrects,
	// when the file keeps it apart (Peru's register: Serie and Número "(ref)").
	FAppliesToSeries Field = "appliesToSeries"
	FUUID            Field = "uuid"   // invoices: a CFDI's folio fiscal, which its credit notes refer to
	FStatus          Field = "status" // invoices: a cancelled or voided document is left out
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
		return []FieldSpec{{FLegalName, true}, {FTradeName, false}, {FTaxID, false}, {FCheckDigit, false}, {FTerms, false}, {FCreditLimit, false},
			{FSegment, false}, {FContact, false}, {FEmail, false}, {FPhone, false}, {FNotes, false}}
	case Invoices:
		return []FieldSpec{{FTaxID, false}, {FCheckDigit, false}, {FClientName, false}, {FKind, false}, {FSeries, false}, {FLetter, false}, {FPointOfSale, false},
			{FNumber, true}, {FIssueDate, true}, {FDueDate, false}, {FAmount, true}, {FPaid, false}, {FBalance, false}, {FCurrency, false},
			{FAppliesToSeries, false}, {FAppliesTo, false}, {FUUID, false}, {FStatus, false}, {FDescription, false}}
	case Payments:
		return []FieldSpec{{FTaxID, false}, {FCheckDigit, false}, {FClientName, false}, {FDate, true}, {FAmount, true}, {FCurrency, false},
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
// Besides generic names they hold those of the programs small businesses use
// (see testdata/erp): Chile's Defontana, Bsale, Softland, Nubox and the SII's
// sales register; Colombia's Siigo, Alegra, World Office and Helisa; Peru's
// SUNAT register 14.1, Contasis and Siscont; Mexico's CONTPAQi, Aspel and the
// SAT's CFDI metadata; Argentina's Tango, Colppy, Xubio and AFIP's Mis
// Comprobantes; QuickBooks, Xero and Zoho.
var aliases = map[Field][]string{
	FTaxID: {"rut", "rut cliente", "rut receptor", "rut deudor", "nit", "nit cliente", "nit tercero", "ruc", "ruc cliente", "rfc", "rfc cliente", "rfc receptor",
		"cuit", "cuit cliente", "cuit cuil", "tax id", "taxid", "vat", "vat number", "id fiscal", "identificacion", "identificacion tributaria",
		"numero identificacion", "numero de identificacion", "documento cliente", "nif", "cedula", "identificador tributario",
		"ruc dni", "ruc dni cliente", "ruc o dni", "dni ruc", "numero doc identidad", "numero documento identidad", "doc identidad", "documento identidad",
		"numero doc receptor", "numero documento receptor", "cuit receptor", "cuit dni", "identificacion tercero", "identificacion cliente", "nit cedula",
		"cc nit", "nit cc", "nit o cc", "nit o cedula", "ruc receptor", "rut auxiliar", "numero identificacion tributaria", "tax number", "customer tax id",
		"id tributario", "cuit cuil dni"},
	FCheckDigit: {"dv", "d v", "digito verificacion", "digito de verificacion", "digito verificador", "dig verif", "dv nit", "dv rut"},
	FLegalName: {"razon social", "nombre", "nombre cliente", "cliente", "nombre o razon social", "legal name", "name", "customer", "customer name",
		"client", "client name", "company", "empresa", "tercero", "nombre tercero", "deudor", "razon social cliente", "nombre del tercero",
		"nombre del cliente", "razon social o nombres", "apellidos y nombres denominacion o razon social", "apellidos y nombres o razon social",
		"denominacion", "denominacion cliente", "company name", "display name", "customer full name", "nombre completo", "senores"},
	FClientName: {"razon social", "cliente", "nombre cliente", "nombre", "nombre o razon social", "razon social receptor", "receptor", "nombre receptor",
		"customer", "customer name", "client", "client name", "tercero", "nombre tercero", "deudor", "razon social cliente", "nombre del tercero",
		"nombre del cliente", "razon social o nombres", "apellidos y nombres denominacion o razon social", "apellidos y nombres o razon social",
		"denominacion receptor", "denominacion", "contact", "contact name", "customer full name", "senores", "name"},
	FTradeName: {"nombre fantasia", "nombre de fantasia", "nombre comercial", "fantasia", "trade name", "dba"},
	FTerms: {"plazo", "plazo pago", "plazo de pago", "dias credito", "dias de credito", "condicion de pago", "condicion pago", "payment terms", "terms", "credit days",
		"condiciones de pago", "condicion venta", "condicion de venta", "forma de pago", "forma pago", "plazo credito", "plazo de credito", "dias plazo",
		"dias de plazo", "terminos de pago", "termino de pago", "terminos", "condicion comercial", "credito"},
	FCreditLimit: {"cupo", "cupo credito", "cupo de credito", "limite credito", "limite de credito", "credit limit", "linea de credito", "limite"},
	FSegment:     {"segmento", "categoria", "tipo cliente", "tipo de cliente", "zona", "segment", "category", "region"},
	FContact:     {"contacto", "nombre contacto", "nombre de contacto", "contact", "contact name"},
	FEmail:       {"email", "e mail", "correo", "correo electronico", "mail", "email contacto", "correo contacto"},
	FPhone:       {"telefono", "fono", "celular", "movil", "whatsapp", "phone", "mobile", "tel", "telefono contacto"},
	FNotes:       {"notas", "nota", "observaciones", "observacion", "comentario", "comentarios", "notes", "comments"},
	FKind: {"tipo doc", "tipo documento", "tipo de documento", "tipo", "tipo dte", "dte", "clase documento", "tipo comprobante", "document type",
		"doc type", "type", "tipo docto", "td", "tipo comp", "t comp", "tipo cbte", "tipo de comprobante", "tipo cp", "tipo comprobante pago",
		"transaction type", "efecto comprobante", "efecto", "tipo de comprobante cfdi", "tipo cfdi", "t d", "cod comprobante", "codigo comprobante",
		"tipo doc venta", "tipo documento venta", "clase", "tipo transaccion"},
	FNumber: {"numero documento", "numero de documento", "numero", "folio", "numero folio", "numero factura", "numero de factura", "factura",
		"documento", "doc", "invoice", "invoice number", "document number", "number", "doc number", "numero doc", "numero docto",
		"numero comprobante", "comprobante", "numero desde", "numero cp", "numero cbte", "consecutivo", "numero consecutivo", "folio documento",
		"numero comprobante pago", "numero doc venta", "invoice numero", "transaction numero"},
	FSeries:      {"serie", "series", "serie documento", "prefijo", "prefix", "serie cp", "serie comprobante", "serie del comprobante", "prefijo factura", "serie cfdi"},
	FLetter:      {"letra", "letra comprobante", "letra comp", "letra cbte"},
	FPointOfSale: {"pto vta", "pto venta", "punto de venta", "punto venta", "p venta", "pv", "pto de venta", "sucursal pto vta"},
	FIssueDate: {"fecha emision", "fecha de emision", "emision", "fecha", "fecha documento", "fecha factura", "fecha doc", "fecha docto",
		"issue date", "invoice date", "date", "fecha expedicion", "fecha elaboracion", "fecha de elaboracion", "creacion", "fecha creacion",
		"fecha comprobante", "fecha cbte", "fecha emision comprobante", "fec emision", "f emision", "transaction date", "txn date", "fecha cfdi"},
	FDueDate: {"vencimiento", "fecha vencimiento", "fecha de vencimiento", "vence", "fecha vcto", "vcto", "due date", "due", "fecha limite de pago",
		"fecha vto", "vto", "fecha venc", "venc", "fec venc", "fec vencimiento", "f vencimiento", "fecha vencimiento pago", "fecha de vencimiento o pago"},
	FAmount: {"monto", "monto total", "total", "importe", "importe total", "valor", "valor total", "monto factura", "monto documento",
		"total documento", "amount", "total amount", "invoice amount", "monto bruto", "debe", "cargo", "debito", "cargos", "monto original", "monto pagado", "monto pago", "abono", "pago", "importe pagado", "valor pagado",
		"valor factura", "valor documento", "imp total", "total factura", "total comprobante", "importe comprobante", "invoice total", "total a pagar",
		"importe original", "original amount", "valor original", "monto total comprobante", "importe total comprobante", "total cfdi", "valor neto factura"},
	FPaid: {"abonos", "abonado", "valor abonado", "pagado", "monto pagado", "importe pagado", "valor pagado", "cobrado", "monto cobrado", "total pagado",
		"paid", "amount paid", "invoice amount paid", "pagos", "abono", "pago", "total abonos"},
	FBalance: {"saldo", "saldo pendiente", "saldo documento", "saldo por cobrar", "saldo insoluto", "pendiente", "por cobrar", "monto pendiente",
		"balance", "open", "open amount", "open balance", "amount due", "outstanding", "balance due", "deuda", "saldo actual", "saldo total",
		"saldo comprobante", "saldo factura", "importe pendiente", "valor pendiente", "invoice amount due", "saldo a cobrar", "saldo cartera", "saldo final"},
	FCurrency:    {"moneda", "divisa", "currency", "mon", "tipo moneda", "moneda documento", "tipo de moneda", "currency code", "cod moneda"},
	FDescription: {"descripcion", "glosa", "detalle", "concepto", "description", "memo"},
	FAppliesTo: {"doc referencia", "documento referencia", "documento de referencia", "doc ref", "comprobante afectado", "factura relacionada",
		"cfdi relacionado", "cfdi relacionados", "uuid relacionado", "uuids relacionados", "factura afectada", "documento afectado", "doc afectado",
		"folio docto referencia", "folio referencia", "folio doc referencia", "folio ref", "numero referencia", "numero ref", "numero comprobante ref",
		"numero doc modificado", "numero documento modificado", "documento modificado", "comprobante modificado", "factura origen", "documento origen",
		"aplica a", "applied to", "numero doc ref", "factura referencia", "referencia factura", "comprobante asociado", "comprobantes asociados",
		"factura asociada", "documento relacionado", "numero doc referencia", "numero documento referencia", "referencia documento", "nota credito de"},
	FAppliesToSeries: {"serie ref", "serie referencia", "serie doc modificado", "serie documento modificado", "serie comprobante ref", "serie doc referencia"},
	FUUID:            {"uuid", "folio fiscal", "uuid cfdi", "id cfdi", "uuid factura"},
	FStatus: {"estatus", "estado", "status", "estado sat", "estatus sat", "estado comprobante", "estado documento", "estado cfdi", "estatus cfdi",
		"estado del comprobante", "situacion", "estado factura"},
	FDate:      {"fecha pago", "fecha de pago", "fecha", "fecha abono", "fecha deposito", "payment date", "date", "fecha operacion"},
	FReference: {"referencia", "numero operacion", "numero de operacion", "operacion", "reference", "ref", "comprobante", "numero comprobante", "glosa"},
	FMethod:    {"medio de pago", "medio pago", "forma de pago", "forma pago", "metodo", "metodo de pago", "medio", "method", "payment method"},
}

// paymentWords are names that mean the amount of a payments file but, in an
// invoices file, what was paid of each document ("Monto pagado", "Abono").
var paymentWords = map[string]bool{
	"monto pagado": true, "monto pago": true, "abono": true, "pago": true, "importe pagado": true, "valor pagado": true,
}

// clientTaxIDWords name the tax ID in a clients file, where there is no
// document number they could be confused with ("Número de documento" of a
// Peruvian client master is the RUC or DNI).
var clientTaxIDWords = map[string]bool{
	"numero documento": true, "numero de documento": true, "documento": true, "numero doc": true, "doc": true,
}

// foldHeader reduces a column name to lower-case words without accents or
// punctuation, and spells every way of writing "number" (Nº, N°, Nro., No.,
// Núm.) as "numero": "Nº Documento" and "Nro. Docto." fold to "numero documento"
// and "numero docto".
func foldHeader(s string) string {
	s = strings.NewReplacer("º", " numero ", "°", " numero ", "#", " numero ").Replace(splitCamel(s))
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

// splitCamel parts names written in camel case ("RfcReceptor",
// "FechaEmision", as the SAT's CFDI metadata has them) into words; runs of
// capitals ("RUC", "UUID") stay whole.
func splitCamel(s string) string {
	var b strings.Builder
	var prev rune
	for i, r := range s {
		if i > 0 && unicode.IsUpper(r) && unicode.IsLower(prev) {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
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
				match := folded[spec.Field][name]
				switch {
				case spec.Field == FAmount && t != Payments && paymentWords[name]:
					match = false
				case spec.Field == FTaxID && t == Clients && clientTaxIDWords[name]:
					match = true
				}
				if !taken[spec.Field] && match {
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
		if s.Field == FNumber && count[FNumber] == 0 && count[FUUID] > 0 {
			continue // the SAT's CFDI metadata has no series and folio: the UUID is the number
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
