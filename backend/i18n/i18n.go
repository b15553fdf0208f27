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
		if k == "field" {
			v = Field(lang, v) // a field's name, said as the user knows it
		}
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
	if f := Field(lang, is.Field); f != "" && is.Field != "path" && is.Field != "file" {
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

// add merges a table of messages into the catalogue; the catalogue's other
// files (bank*.go) call it from a package-level var, so each area keeps its
// sentences in its own file. A key defined twice is a bug.
func add(table map[string][2]string) bool {
	for k, v := range table {
		if _, dup := messages[k]; dup {
			panic("i18n: message key defined twice: " + k)
		}
		messages[k] = v
	}
	return true
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
	"clientName":           {"Cliente (nombre)", "Client (name)"},
	"mapping":              {"Columnas", "Columns"},
	"series":               {"Serie", "Series"},
	"balance":              {"Saldo", "Balance"},
	"contact":              {"Contacto", "Contact"},
	"kind":                 {"Tipo de documento", "Document type"},
	"number":               {"Número", "Number"},
	"issueDate":            {"Fecha de emisión", "Issue date"},
	"dueDate":              {"Vencimiento", "Due date"},
	"amount":               {"Monto", "Amount"},
	"appliesToId":          {"Factura que corrige", "Invoice corrected"},
	"appliesTo":            {"Documento que corrige", "Document corrected"},
	"appliesToSeries":      {"Serie del documento que corrige", "Series of the document corrected"},
	"checkDigit":           {"Dígito verificador", "Check digit"},
	"bank":                 {"Banco", "Bank"},
	"accountId":            {"Cuenta bancaria", "Bank account"},
	"lineId":               {"Movimiento", "Line"},
	"matchId":              {"Conciliación", "Match"},
	"runId":                {"Pasada", "Run"},
	"ruleId":               {"Regla", "Rule"},
	"pattern":              {"Texto a buscar", "Text to look for"},
	"pointOfSale":          {"Punto de venta", "Point of sale"},
	"letter":               {"Letra del comprobante", "Document letter"},
	"paid":                 {"Pagado / abonos", "Paid"},
	"uuid":                 {"UUID (folio fiscal)", "UUID (folio fiscal)"},
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
	"form.check":                  {"Revise los campos marcados.", "Please fix the marked fields."},
	"required":                    {"es obligatorio.", "is required."},
	"too_long":                    {"es demasiado largo (máximo {max} caracteres).", "is too long (at most {max} characters)."},
	"country.unknown":             {"el país «{value}» no está entre los que Cartera conoce (CL, CO, MX, PE, AR).", "country “{value}” is not one Cartera knows (CL, CO, MX, PE, AR)."},
	"terms.range":                 {"debe estar entre 0 y {max} días.", "must be between 0 and {max} days."},
	"month.range":                 {"debe ser un mes entre 1 y 12.", "must be a month from 1 to 12."},
	"amount.range":                {"el monto es absurdamente grande; revise los ceros.", "the amount is absurdly large; check the zeros."},
	"amount.positive":             {"el monto debe ser positivo.", "the amount must be positive."},
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
	"shell.not_written":        {"Cartera solo abre los archivos que escribió en esta sesión; «{path}» no es uno de ellos.", "Cartera only opens files it wrote in this session; “{path}” is not one of them."},
	"shell.failed":             {"no se pudo abrir «{path}» con los programas de este computador.", "could not open “{path}” with this computer's programs."},
	"import.target":            {"no se puede importar «{value}»; se puede: clients, invoices, payments.", "cannot import “{value}”; these can be: clients, invoices, payments."},
	"import.not_found":         {"no existe el archivo {path}.", "file {path} does not exist."},
	"import.file_empty":        {"el archivo «{path}» está vacío.", "file “{path}” is empty."},
	"import.no_header":         {"el archivo «{path}» no tiene una fila con los nombres de las columnas.", "file “{path}” has no row with column names."},
	"import.no_sheet":          {"el libro «{path}» no tiene esa hoja.", "workbook “{path}” has no such sheet."},
	"import.encrypted": {"«{path}» está protegido con contraseña. Ábralo en Excel, quite la contraseña (Archivo → Información → Proteger libro) o use Guardar como sin contraseña, e importe esa copia.",
		"“{path}” is protected with a password. Open it in Excel, remove the password (File → Info → Protect Workbook) or Save As without one, and import that copy."},
	"import.html_xls":              {"«{path}» no es una planilla sino una página web con extensión .xls (así exportan algunos sistemas). Ábralo en Excel o LibreOffice y guárdelo como .xlsx o .csv.", "“{path}” is not a spreadsheet but a web page named .xls (some systems export so). Open it in Excel or LibreOffice and save it as .xlsx or .csv."},
	"import.damaged":               {"el libro «{path}» está dañado o incompleto; no se puede leer. Expórtelo de nuevo.", "workbook “{path}” is damaged or incomplete and cannot be read. Export it again."},
	"import.unreadable":            {"no se puede leer «{path}»: {detail}", "cannot read “{path}”: {detail}"},
	"import.file_too_wide":         {"«{path}», fila {line}: tiene más de 1000 columnas; no parece una exportación de clientes o documentos.", "“{path}”, row {line}: more than 1000 columns; it does not look like a client or document export."},
	"import.cell_too_large":        {"«{path}», fila {line}, columna {column}: la celda tiene más de 1 MB de texto.", "“{path}”, row {line}, column {column}: the cell holds more than 1 MB of text."},
	"import.mapping_width":         {"la asignación de columnas no corresponde al archivo (tiene {columns} columnas).", "the column mapping does not fit the file (it has {columns} columns)."},
	"import.field_missing":         {"falta indicar qué columna es «{field}».", "say which column is “{field}”."},
	"import.field_twice":           {"hay dos columnas asignadas a «{field}».", "two columns are mapped to “{field}”."},
	"import.field_not_for_target":  {"«{field}» no corresponde a este tipo de importación.", "“{field}” does not belong to this kind of import."},
	"import.client_column_missing": {"falta una columna que identifique al cliente (RUT/NIT/RFC o razón social).", "a column identifying the client is missing (tax ID or name)."},
	"import.mapping_not_found":     {"no hay una asignación de columnas guardada con el nombre «{value}».", "there is no saved column mapping named “{value}”."},
	"import.totals_row":            {"fila de totales; no es un documento y se omite.", "totals row; not a record, left out."},
	"import.no_known_columns": {"«{path}»: ninguna columna tiene un título conocido (títulos leídos en la fila {line}). ¿Es el archivo correcto? Si lo es, indique qué columna es cuál en el asistente o con una asignación guardada (--mapping).",
		"“{path}”: no column has a known title (titles read on row {line}). Is it the right file? If it is, say which column is which in the wizard or with a saved mapping (--mapping)."},
	"import.no_rows": {"«{path}» solo tiene los títulos de las columnas: no hay filas que importar.", "“{path}” only has the column titles: there are no rows to import."},
	"import.currency_not_in_portfolio": {"la moneda {currency} no se usa en esta cartera (su moneda es {base}). Si de verdad factura en {currency}, registre primero un documento en esa moneda; si no, corrija el archivo o deje fuera estas filas.",
		"currency {currency} is not used in this portfolio (its currency is {base}). If you really invoice in {currency}, record one document in it first; otherwise fix the file or leave these rows out."},
	"import.required":                 {"está vacío y es obligatorio.", "is empty and required."},
	"import.too_long":                 {"tiene más de {max} caracteres.", "is longer than {max} characters."},
	"import.client_empty":             {"la fila no dice de qué cliente es (ni identificador ni nombre).", "the row does not say which client it is for (no tax ID, no name)."},
	"import.client_missing":           {"el cliente {client} no está en la cartera.", "client {client} is not in the portfolio."},
	"import.date_invalid":             {"no es una fecha.", "is not a date."},
	"import.date_impossible":          {"es una fecha que no existe.", "is a date that does not exist."},
	"import.date_range":               {"es una fecha fuera de rango (antes de 1950 o después de 2100).", "is a date out of range (before 1950 or after 2100)."},
	"import.currency_unknown":         {"no es una moneda conocida.", "is not a known currency."},
	"import.amount_invalid":           {"no es un monto.", "is not an amount."},
	"import.amount_empty":             {"no tiene un monto.", "holds no amount."},
	"import.amount_double_sign":       {"tiene más de un signo.", "has more than one sign."},
	"import.amount_misplaced_group":   {"tiene separadores de miles mal puestos (¿decimales con coma o con punto?).", "has misplaced thousands separators (decimal comma or point?)."},
	"import.amount_too_many_decimals": {"tiene más decimales de los que admite la moneda.", "has more decimals than the currency allows."},
	"import.amount_too_large":         {"es un monto absurdamente grande; revise los ceros.", "is an absurdly large amount; check the zeros."},
	"import.amount_currency_mismatch": {"lleva el signo de otra moneda.", "carries another currency's sign."},
	"import.amount_unknown_currency":  {"no se puede leer sin una moneda conocida.", "cannot be read without a known currency."},
	"import.amount_zero":              {"es cero; un documento debe tener monto.", "is zero; a document needs an amount."},
	"import.amount_negative":          {"es negativo en un documento que no es nota de crédito.", "is negative on a document that is not a credit note."},
	"import.payment_not_positive":     {"un pago debe ser mayor que cero.", "a payment must be greater than zero."},
	"import.balance_negative":         {"el saldo es negativo.", "the balance is negative."},
	"import.balance_over_amount":      {"el saldo es mayor que el monto del documento.", "the balance is larger than the document's amount."},
	"import.due_before_issue":         {"el vencimiento es anterior a la emisión ({issue}).", "the due date is before the issue date ({issue})."},
	"import.kind_unknown":             {"no es un tipo de documento conocido (factura, nota de crédito, nota de débito).", "is not a known document type (invoice, credit note, debit note)."},
	"import.terms_invalid":            {"no es un plazo en días.", "is not a number of days."},
	"import.duplicate_number":         {"el número se repite en el archivo; solo se guarda la primera fila.", "the number repeats in the file; only the first row is kept."},
	"import.conflict":                 {"«{value}» ya está en la cartera con otros datos: {change}. Acepte los cambios o deje lo registrado.", "“{value}” is already in the portfolio with other data: {change}. Accept the changes or keep what is recorded."},
	"import.lower_than_paid":          {"el nuevo monto es menor que lo ya pagado ({paid}); no se puede cambiar.", "the new amount is less than what is already paid ({paid}); it cannot change."},
	"import.balance_higher":           {"el saldo del archivo es mayor que el de la cartera ({open}): hay pagos registrados aquí que el otro sistema no tiene. No se cambia nada.", "the file's balance is higher than the portfolio's ({open}): payments recorded here are not in the other system. Nothing changes."},
	"import.invoice_not_found":        {"no hay un documento abierto n.º {value} de este cliente; el pago queda sin imputar.", "there is no open document no. {value} for this client; the payment stays unallocated."},
	"import.nul_stripped": {"la fila tenía caracteres nulos (NUL), señal de un archivo dañado; se quitaron. Revise que los valores de la fila estén bien.",
		"the row held NUL characters, a sign of a damaged file; they were removed. Check that the row's values are right."},
	"import.two_digit_year": {"el año tiene dos dígitos y se leyó como {date} (00 a 69 son 2000 a 2069; 70 a 99 son 1970 a 1999). Si no es así, corrija la fecha en el archivo.",
		"the year has two digits and was read as {date} (00 to 69 are 2000 to 2069; 70 to 99 are 1970 to 1999). If that is wrong, fix the date in the file."},
	"import.date_order_ambiguous": {"en todas las fechas del archivo el día y el mes pueden leerse al revés (ninguno pasa de 12); se leyeron como día/mes/año. Si el archivo pone primero el mes, elija el orden en el asistente o con --date-order mdy.",
		"in every date of the file day and month could be read either way (neither is above 12); they were read as day/month/year. If the file puts the month first, choose the order in the wizard or with --date-order mdy."},
	"import.not_excel": {"«{path}» no es un archivo de Excel, aunque su nombre lo diga: su contenido no es una planilla ni texto (¿está dañado, o es otro archivo renombrado?). Ábralo en Excel y guárdelo de nuevo como .xlsx o .csv.",
		"“{path}” is not an Excel file, whatever its name says: its content is neither a spreadsheet nor text (is it damaged, or another file renamed?). Open it in Excel and save it again as .xlsx or .csv."},
	"import.not_text": {"«{path}» no es texto ni una planilla (¿está dañado, o es otro tipo de archivo?). Exporte de nuevo como .csv o .xlsx.",
		"“{path}” is neither text nor a spreadsheet (is it damaged, or another kind of file?). Export it again as .csv or .xlsx."},
	"import.bom_over_1252": {"el archivo empieza con la marca de UTF-8 pero está escrito en Windows-1252 (ANSI); se leyó como Windows-1252. Revise que los acentos y la ñ se vean bien.",
		"the file starts with the UTF-8 mark but is written in Windows-1252 (ANSI); it was read as Windows-1252. Check that accents and ñ look right."},
	"import.sheet_picked": {"la hoja «{first}» no tiene las columnas de esta importación; se leyó la hoja «{sheet}», que sí las tiene.",
		"sheet “{first}” does not have this import's columns; sheet “{sheet}”, which has them, was read."},
	"import.terms_unread": {"no se entiende como un plazo en días; el cliente queda con el plazo habitual de la cartera.", "is not understood as a number of days; the client gets the portfolio's usual terms."},
	"import.credit_applied_since": {"el archivo muestra la nota de crédito {value} aplicada por {applied}, y en la cartera sigue sin aplicar: aplíquela a la factura que corresponda para que el saldo del cliente sea el del archivo.",
		"the file shows credit note {value} applied for {applied}, and in the portfolio it is still unapplied: apply it to the right invoice so that the client's balance is the file's."},
	"import.cancelled_left_out": {"el documento está cancelado o anulado; no se importa.", "the document is cancelled or voided; it is not imported."},
	"import.not_receivable_left_out": {"este tipo de comprobante no es una cuenta por cobrar (pago, traslado, nómina, guía); no se importa.",
		"this kind of document is not a receivable (payment, transfer, payroll, dispatch note); it is not imported."},
	"import.paid_over_amount": {"lo pagado es mayor que el monto del documento.", "what was paid is larger than the document's amount."},
	"import.reference_not_found": {"la nota de crédito dice corregir el documento {value}, que no está en el archivo para este cliente.",
		"the credit note says it corrects document {value}, which is not in the file for this client."},
	"import.credit_applied_elsewhere": {"la nota de crédito {value} figura aplicada por {applied} a documentos que no están en el archivo; se registra por {amount} para que el saldo del cliente sea el del archivo (queda en el historial).",
		"credit note {value} shows {applied} applied to documents that are not in the file; it is recorded for {amount} so that the client's balance is the file's (noted in the history)."},
	"import.credit_applied_elsewhere_left_out": {"la nota de crédito {value} figura aplicada por completo a documentos que no están en el archivo; no se importa, y el saldo del cliente queda como el del archivo.",
		"credit note {value} shows fully applied to documents that are not in the file; it is not imported, and the client's balance stays as the file's."},
	"import.duplicate_number_rows": {"el número {value} ya está en la fila {first}; se guarda la fila {first} y esta se omite.", "number {value} is already on row {first}; row {first} is kept and this one left out."},
	"import.duplicate_tax_id":      {"repite el identificador {value} de la fila {first} con otro nombre ({name}); se guarda la fila {first}.", "repeats tax ID {value} of row {first} under another name ({name}); row {first} is kept."},
	"import.duplicate_tax_id_same": {"repite el identificador {value} de la fila {first}; se guarda la fila {first}.", "repeats tax ID {value} of row {first}; row {first} is kept."},
	"import.unknown_import":        {"no existe la importación {id}.", "import {id} does not exist."},
	"import.already_undone":        {"esa importación ya se deshizo.", "that import was already undone."},
	"import.undo_allocated":        {"el documento {a} tiene aplicado un pago o nota de crédito registrado después ({b}); deshaga eso primero.", "document {a} has a later payment or credit note applied ({b}); undo that first."},
	"import.undo_note_applied":     {"la nota de crédito {a} se aplicó al documento {b}; deshaga esa aplicación primero.", "credit note {a} was applied to document {b}; undo that first."},
	"import.undo_corrected":        {"el documento {a} fue corregido por la nota {b}; anule la nota primero.", "document {a} was corrected by note {b}; void the note first."},
	"import.undo_voided":           {"el documento {a} se anuló después de importarlo.", "document {a} was voided after the import."},
	"import.undo_reversed":         {"el pago {a} del {b} se reversó después de importarlo.", "payment {a} of {b} was reversed after the import."},
	"import.undo_payment_moved":    {"una imputación del pago {a} al documento {b} se deshizo después.", "an allocation of payment {a} to document {b} was undone later."},
	"import.undo_client_used":      {"el cliente «{a}» tiene documentos registrados después ({b}).", "client “{a}” has documents recorded later ({b})."},
	"import.undo_client_paid":      {"el cliente «{a}» tiene pagos registrados después ({b}).", "client “{a}” has payments recorded later ({b})."},
	"import.undo_changed_later":    {"un registro ({a} {b}) que la importación cambió se modificó después.", "a record ({a} {b}) the import changed was modified later."},
	"canceled":                     {"cancelado; no se guardó nada.", "cancelled; nothing was saved."},
	"disk_full":                    {"el disco está lleno; no se guardó nada. Libere espacio e intente de nuevo.", "the disk is full; nothing was saved. Free some space and try again."},
	"read_only":                    {"no se puede escribir en el archivo o la carpeta; no se guardó nada.", "the file or folder cannot be written; nothing was saved."},
	"internal":                     {"ocurrió un error inesperado; no se guardó nada. ({detail})", "an unexpected error occurred; nothing was saved. ({detail})"},
	"client.tax_id_taken":          {"el identificador {value} ya pertenece al cliente «{client}».", "tax ID {value} already belongs to client “{client}”."},
	"client.not_found":             {"el cliente no existe.", "the client does not exist."},
	"document.not_found":           {"el documento no existe.", "the document does not exist."},
	"document.number_taken":        {"este cliente ya tiene un documento número {number} de ese tipo.", "this client already has a document number {number} of that type."},
	"document.already_voided":      {"el documento {number} ya está anulado.", "document {number} is already voided."},
	"document.has_allocations": {"el documento {number} tiene pagos o notas de crédito aplicados; deshágalos antes de anularlo, o emita una nota de crédito.",
		"document {number} has payments or credit notes applied; undo them before voiding it, or issue a credit note."},
	"document.has_credit_note": {"la factura {number} tiene aplicada la nota de crédito {notes}; para anularla, primero desaplique la nota (desde la nota de crédito), o use «Desaplicar y anular», que hace las dos cosas de una vez y deja la nota disponible.",
		"invoice {number} has credit note {notes} applied; to void it, first un-apply the note (from the credit note), or use “Un-apply and void”, which does both at once and leaves the note available."},
	"document.has_credit_notes": {"la factura {number} tiene aplicadas las notas de crédito {notes}; para anularla, primero desaplique las notas (desde cada nota de crédito), o use «Desaplicar y anular», que hace todo de una vez y deja las notas disponibles.",
		"invoice {number} has credit notes {notes} applied; to void it, first un-apply the notes (from each credit note), or use “Un-apply and void”, which does it all at once and leaves the notes available."},
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

// words are the column headers and cell texts of exports and the titles of
// the system dialogs, Spanish then English.
var words = map[string][2]string{
	"clients": {"Clientes", "Clients"}, "invoices": {"Documentos", "Documents"}, "payments": {"Pagos", "Payments"},
	"legalName": {"Razón social", "Legal name"}, "tradeName": {"Nombre de fantasía", "Trade name"}, "taxId": {"Identificación", "Tax ID"},
	"country": {"País", "Country"}, "segment": {"Segmento", "Segment"}, "tags": {"Etiquetas", "Tags"}, "terms": {"Plazo (días)", "Terms (days)"},
	"creditLimit": {"Límite de crédito", "Credit limit"}, "balance": {"Saldo", "Balance"}, "overdue": {"Vencido", "Overdue"},
	"email": {"Correo", "Email"}, "phone": {"Teléfono", "Phone"}, "archived": {"Archivado", "Archived"},
	"kind": {"Tipo", "Type"}, "number": {"Número", "Number"}, "client": {"Cliente", "Client"}, "issue": {"Emisión", "Issued"},
	"due": {"Vencimiento", "Due"}, "currency": {"Moneda", "Currency"}, "amount": {"Monto", "Amount"}, "open": {"Pendiente", "Outstanding"},
	"status": {"Estado", "Status"}, "daysOverdue": {"Días vencida", "Days overdue"}, "description": {"Descripción", "Description"},
	"date": {"Fecha", "Date"}, "unallocated": {"Sin imputar", "Unallocated"}, "method": {"Medio", "Method"}, "reference": {"Referencia", "Reference"},
	"reversed": {"Reversado", "Reversed"}, "yes": {"Sí", "Yes"}, "no": {"No", "No"},
	"invoice": {"Factura", "Invoice"}, "credit_note": {"Nota de crédito", "Credit note"}, "debit_note": {"Nota de débito", "Debit note"},
	"status.open": {"Por vencer", "Not yet due"}, "status.partly_paid": {"Pago parcial", "Partly paid"}, "status.overdue": {"Vencida", "Overdue"},
	"status.paid": {"Pagada", "Paid"}, "status.credited": {"Anulada con nota de crédito", "Cancelled by credit note"}, "status.voided": {"Anulada", "Voided"},
	"status.available": {"Disponible", "Available"}, "status.applied": {"Aplicada", "Applied"}, "status.partly_credited": {"Acreditada parcialmente", "Partly credited"},
	"transfer": {"Transferencia", "Transfer"}, "deposit": {"Depósito", "Deposit"}, "cash": {"Efectivo", "Cash"}, "check": {"Cheque", "Cheque"},
	"card": {"Tarjeta", "Card"}, "other": {"Otro", "Other"},
	"ledger": {"Estado de cuenta", "Account statement"}, "entry": {"Movimiento", "Entry"}, "debit": {"Cargo", "Debit"}, "credit": {"Abono", "Credit"},
	"payment": {"Pago", "Payment"}, "payment_reversal": {"Reverso de pago", "Payment reversal"}, "void": {"Anulación", "Void"},
	"dialog.open": {"Abrir cartera", "Open portfolio"}, "dialog.folder": {"Elegir carpeta", "Choose folder"},
}

// Word renders a word of exports and dialogs (a column header, a status, a
// dialog's title) in lang; an unknown key is returned as it is.
func Word(lang, key string) string {
	w, ok := words[key]
	if !ok {
		return key
	}
	if lang == "en" {
		return w[1]
	}
	return w[0]
}
