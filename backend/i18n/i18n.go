// Package i18n holds the sentences Cartera says to people about errors, in
// Spanish (the default) and English, keyed by the stable message keys that
// the domain returns. The window and the command line both read them here, so
// a message is written once.
package i18n

import (
	"errors"
	"os"
	"strconv"
	"strings"

	"cartera/backend/ar"
)

// Languages Cartera speaks; the first is the default.
var Languages = []string{"es", "en"}

// Lang returns a supported language for a locale name such as "en_US.UTF-8"; Spanish otherwise.
func Lang(locale string) string {
	if strings.HasPrefix(strings.ToLower(locale), "en") {
		return "en"
	}
	return "es"
}

// EnvLang is the language the environment asks for (CARTERA_LANG, then LANG).
func EnvLang() string {
	if v := os.Getenv("CARTERA_LANG"); v != "" {
		return Lang(v)
	}
	return Lang(os.Getenv("LANG"))
}

// Message renders a message key in lang with its parameters.
func Message(lang, key string, params map[string]string) string {
	m, ok := messages[key]
	if !ok {
		m = messages["internal"]
	}
	s := m[0]
	if lang == "en" {
		s = m[1]
	}
	for k, v := range params {
		s = strings.ReplaceAll(s, "{"+k+"}", v)
	}
	return s
}

// Field renders the label of a form field such as "contacts.0.email"
// ("Contacto 1, correo").
func Field(lang, field string) string {
	if field == "" {
		return ""
	}
	parts := strings.Split(field, ".")
	var out []string
	for i := 0; i < len(parts); i++ {
		p := parts[i]
		if n, err := strconv.Atoi(p); err == nil && len(out) > 0 {
			out[len(out)-1] += " " + strconv.Itoa(n+1)
			continue
		}
		if l, ok := fields[p]; ok {
			if lang == "en" {
				out = append(out, l[1])
			} else {
				out = append(out, l[0])
			}
		} else {
			out = append(out, p)
		}
	}
	return strings.Join(out, ", ")
}

// Issue renders one issue as "Field: message".
func Issue(lang string, is ar.Issue) string {
	msg := Message(lang, is.Key, is.Params)
	if f := Field(lang, is.Field); f != "" && is.Field != "path" {
		return f + ": " + msg
	}
	return msg
}

// Error renders an error as the lines a person reads, one per issue.
func Error(lang string, err error) []string {
	if err == nil {
		return nil
	}
	var e *ar.Error
	if !errors.As(err, &e) || len(e.Issues) == 0 {
		return []string{Message(lang, "internal", map[string]string{"detail": err.Error()})}
	}
	out := make([]string, len(e.Issues))
	for i, is := range e.Issues {
		out[i] = Issue(lang, is)
	}
	return out
}

// Has reports whether key has a message; tests use it to catch keys without one.
func Has(key string) bool { _, ok := messages[key]; return ok }

var fields = map[string][2]string{
	"name":                 {"Nombre", "Name"},
	"legalName":            {"Razón social", "Legal name"},
	"tradeName":            {"Nombre de fantasía", "Trade name"},
	"taxId":                {"Identificador tributario", "Tax ID"},
	"country":              {"País", "Country"},
	"currency":             {"Moneda", "Currency"},
	"paymentTermsDays":     {"Plazo de pago", "Payment terms"},
	"defaultTermsDays":     {"Plazo de pago habitual", "Usual payment terms"},
	"creditLimit":          {"Cupo de crédito", "Credit limit"},
	"segment":              {"Segmento", "Segment"},
	"notes":                {"Notas", "Notes"},
	"contacts":             {"Contacto", "Contact"},
	"email":                {"correo", "email"},
	"phone":                {"teléfono", "phone"},
	"channel":              {"canal preferido", "preferred channel"},
	"role":                 {"cargo", "role"},
	"clientId":             {"Cliente", "Client"},
	"kind":                 {"Tipo de documento", "Document type"},
	"number":               {"Número", "Number"},
	"issueDate":            {"Fecha de emisión", "Issue date"},
	"dueDate":              {"Vencimiento", "Due date"},
	"amount":               {"Monto", "Amount"},
	"appliesToId":          {"Factura que corrige", "Invoice corrected"},
	"description":          {"Descripción", "Description"},
	"date":                 {"Fecha", "Date"},
	"method":               {"Medio de pago", "Payment method"},
	"reference":            {"Referencia", "Reference"},
	"allocations":          {"Imputación", "Allocation"},
	"reason":               {"Motivo", "Reason"},
	"status":               {"Estado", "Status"},
	"fiscalYearStartMonth": {"Inicio del año fiscal", "Fiscal year start"},
	"paymentId":            {"Pago", "Payment"},
	"documentId":           {"Documento", "Document"},
	"creditNoteId":         {"Nota de crédito", "Credit note"},
	"allocationId":         {"Imputación", "Allocation"},
	"clients":              {"Clientes", "Clients"},
	"invoices":             {"Facturas", "Invoices"},
	"seed":                 {"Semilla", "Seed"},
}

// messages maps a key to its Spanish and English text; {name} marks a parameter.
var messages = map[string][2]string{
	"required":                    {"es obligatorio.", "is required."},
	"too_long":                    {"es demasiado largo (máximo {max} caracteres).", "is too long (at most {max} characters)."},
	"country.unknown":             {"el país «{value}» no está entre los que Cartera conoce (CL, CO, MX, PE, AR).", "country “{value}” is not one Cartera knows (CL, CO, MX, PE, AR)."},
	"terms.range":                 {"debe estar entre 0 y {max} días.", "must be between 0 and {max} days."},
	"month.range":                 {"debe ser un mes entre 1 y 12.", "must be a month from 1 to 12."},
	"amount.range":                {"el monto es absurdamente grande; revise los ceros.", "the amount is absurdly large; check the zeros."},
	"amount.positive":             {"el monto debe ser mayor que cero.", "the amount must be greater than zero."},
	"amount.invalid":              {"«{value}» no es un monto válido.", "“{value}” is not a valid amount."},
	"contacts.too_many":           {"no puede tener más de {max} contactos.", "cannot have more than {max} contacts."},
	"email.invalid":               {"«{value}» no es un correo válido.", "“{value}” is not a valid email address."},
	"channel.unknown":             {"el canal «{value}» no existe.", "channel “{value}” does not exist."},
	"contact.channel_needs_email": {"el canal preferido es correo, pero falta el correo.", "the preferred channel is email, but the email is missing."},
	"contact.channel_needs_phone": {"el canal preferido necesita un teléfono.", "the preferred channel needs a phone number."},
	"kind.unknown":                {"el tipo de documento «{value}» no existe.", "document type “{value}” does not exist."},
	"due_before_issue":            {"el vencimiento ({due}) no puede ser anterior a la emisión ({issue}).", "the due date ({due}) cannot be before the issue date ({issue})."},
	"invoice.applies_to":          {"solo las notas de crédito y débito corrigen una factura.", "only credit and debit notes correct an invoice."},
	"currency.unknown":            {"la moneda «{value}» no es un código ISO 4217 conocido.", "currency “{value}” is not a known ISO 4217 code."},
	"date.invalid":                {"«{value}» no es una fecha válida.", "“{value}” is not a valid date."},
	"allocation.duplicate":        {"el mismo documento aparece dos veces.", "the same document appears twice."},
	"allocation.not_open":         {"el documento no está pendiente para este cliente y moneda.", "the document is not open for this client and currency."},
	"allocation.currency_mismatch": {"el documento {document} está en {currency} y el pago en {payment_currency}; Cartera no convierte monedas.",
		"document {document} is in {currency} and the payment in {payment_currency}; Cartera does not convert currencies."},
	"allocation.exceeds_open":    {"es mayor que lo pendiente del documento {document} ({open}).", "is more than what document {document} still owes ({open})."},
	"allocation.exceeds_payment": {"lo imputado ({total}) supera lo disponible del pago ({available}).", "the total allocated ({total}) exceeds what the payment has available ({available})."},
	"allocation.not_found":       {"la imputación no existe o ya fue deshecha.", "the allocation does not exist or was already undone."},
	"portfolio.exists":           {"ya existe un archivo en {path}; elija otro nombre.", "a file already exists at {path}; choose another name."},
	"folder.missing":             {"la carpeta {path} no existe.", "folder {path} does not exist."},
	"folder.read_only":           {"no se puede escribir en la carpeta {path}. Elija una carpeta propia (por ejemplo Documentos).", "cannot write to folder {path}. Choose a folder of your own (for example Documents)."},
	"portfolio.missing":          {"no se encuentra la cartera {path}. ¿Se movió o se borró?", "portfolio {path} cannot be found. Was it moved or deleted?"},
	"portfolio.cannot_read":      {"no se puede leer {path}.", "cannot read {path}."},
	"portfolio.not_cartera":      {"{path} no es una cartera de Cartera. Para traer datos de una planilla use Importar.", "{path} is not a Cartera portfolio. To bring data from a spreadsheet use Import."},
	"portfolio.newer_version": {"esta cartera fue guardada por una versión más nueva de Cartera (esquema {version}; esta versión entiende hasta {supported}). Actualice Cartera para abrirla.",
		"this portfolio was saved by a newer Cartera (schema {version}; this version understands up to {supported}). Update Cartera to open it."},
	"portfolio.migration_failed": {"no se pudo actualizar la cartera al formato {version}; quedó una copia intacta junto al archivo.", "could not upgrade the portfolio to format {version}; an intact copy was left beside the file."},
	"portfolio.read_only": {"la cartera {path} está en un disco o carpeta de solo lectura. Cópiela a una carpeta donde pueda escribir y ábrala desde ahí.",
		"portfolio {path} is on a read-only disk or folder. Copy it to a folder you can write to and open it from there."},
	"portfolio.locked": {"la cartera está abierta por {user} en {host} desde {since}. Ciérrela allí primero.",
		"the portfolio is open by {user} on {host} since {since}. Close it there first."},
	"portfolio.busy":           {"la cartera está ocupada por otro programa; intente de nuevo en un momento.", "the portfolio is busy in another program; try again in a moment."},
	"portfolio.corrupt":        {"el archivo de la cartera está dañado. Restaure una copia de seguridad.", "the portfolio file is damaged. Restore a backup."},
	"portfolio.currency_fixed": {"el país y la moneda no se pueden cambiar cuando ya hay documentos.", "country and currency cannot change once there are documents."},
	"no_portfolio":             {"no hay una cartera abierta.", "no portfolio is open."},
	"export.extension":         {"el archivo «{path}» debe terminar en .xlsx o .csv.", "file “{path}” must end in .xlsx or .csv."},
	"export.exists":            {"ya existe un archivo en {path}; elija otro nombre.", "a file already exists at {path}; choose another name."},
	"export.write":             {"no se pudo escribir {path}; no quedó ningún archivo a medias.", "could not write {path}; no half-written file was left."},
	"export.list":              {"no se puede exportar «{value}»; se puede: {lists}.", "cannot export “{value}”; these can be: {lists}."},
	"canceled":                 {"cancelado; no se guardó nada.", "cancelled; nothing was saved."},
	"disk_full":                {"el disco está lleno; no se guardó nada. Libere espacio e intente de nuevo.", "the disk is full; nothing was saved. Free some space and try again."},
	"read_only":                {"no se puede escribir en el archivo o la carpeta; no se guardó nada.", "the file or folder cannot be written; nothing was saved."},
	"internal":                 {"ocurrió un error inesperado; no se guardó nada. ({detail})", "an unexpected error occurred; nothing was saved. ({detail})"},
	"client.tax_id_taken":      {"el identificador {value} ya pertenece al cliente «{client}».", "tax ID {value} already belongs to client “{client}”."},
	"client.not_found":         {"el cliente no existe.", "the client does not exist."},
	"document.not_found":       {"el documento no existe.", "the document does not exist."},
	"document.number_taken":    {"este cliente ya tiene un documento número {number} de ese tipo.", "this client already has a document number {number} of that type."},
	"document.already_voided":  {"el documento {number} ya está anulado.", "document {number} is already voided."},
	"document.has_allocations": {"el documento {number} tiene pagos o notas de crédito aplicados; deshágalos antes de anularlo, o emita una nota de crédito.",
		"document {number} has payments or credit notes applied; undo them before voiding it, or issue a credit note."},
	"note.other_client":    {"la factura {document} es de otro cliente.", "invoice {document} belongs to another client."},
	"note.not_invoice":     {"{document} no es una factura ni nota de débito.", "{document} is not an invoice or debit note."},
	"note.voided":          {"el documento {document} está anulado.", "document {document} is voided."},
	"note.not_credit_note": {"{document} no es una nota de crédito.", "{document} is not a credit note."},
	"status.unknown":       {"el estado «{value}» no existe.", "status “{value}” does not exist."},
	"payment.not_found":    {"el pago no existe.", "the payment does not exist."},
	"payment.reversed":     {"el pago ya fue reversado.", "the payment was already reversed."},
	"demo.size":            {"debe estar entre {min} y {max}.", "must be between {min} and {max}."},
	"taxid.empty":          {"falta el {name}.", "the {name} is missing."},
	"taxid.bad_length":     {"el {name} «{value}» no tiene el largo correcto.", "{name} “{value}” does not have the right length."},
	"taxid.bad_chars":      {"el {name} «{value}» tiene caracteres que no corresponden.", "{name} “{value}” has characters that do not belong."},
	"taxid.bad_check_digit": {"el {name} «{value}» tiene el dígito verificador incorrecto: debería terminar en {expected}. Revíselo, o guárdelo de todos modos si así figura en los papeles del cliente.",
		"{name} “{value}” has a wrong check digit: it should end in {expected}. Check it, or save it anyway if that is what the client's papers say."},
	"taxid.bad_prefix":          {"el {name} «{value}» no empieza con un prefijo válido.", "{name} “{value}” does not start with a valid prefix."},
	"taxid.bad_date":            {"el {name} «{value}» contiene una fecha imposible.", "{name} “{value}” contains an impossible date."},
	"taxid.missing_check_digit": {"al NIT «{value}» parece faltarle el dígito de verificación (sería {expected}).", "NIT “{value}” seems to lack its check digit (it would be {expected})."},
	"taxid.ambiguous_check_digit": {"no se sabe si el último dígito del NIT «{value}» es el de verificación; escríbalo con guion (por ejemplo 900123456-{expected}).",
		"it is unclear whether the last digit of NIT “{value}” is the check digit; write it with a dash (for example 900123456-{expected})."},
	"taxid.generic":         {"«{value}» es el RFC genérico de público en general: no identifica al cliente.", "“{value}” is the generic public RFC: it does not identify the client."},
	"taxid.unknown_country": {"no hay reglas de identificador tributario para este país.", "there are no tax ID rules for this country."},
}
