package i18n

// Messages about bank statements read as spreadsheets or text files through
// a bank profile (backend/bankfile/table.go).
var _ = add(map[string][2]string{
	"bank.no_lines": {"El archivo no trae movimientos.", "The file holds no transactions."},
	"bank.unknown_layout": {
		"Cartera no reconoce el formato de este banco. Columnas encontradas: {columns}. Indique qué columna es la fecha, la descripción y el monto, y el formato quedará guardado.",
		"Cartera does not recognise this bank's layout. Columns found: {columns}. Say which column is the date, the description and the amount, and the layout will be saved."},
	"bank.table.missing_column": {
		"Al archivo le falta la columna «{column}», que el formato de {profile} necesita.",
		"The file lacks the column “{column}”, which the {profile} layout needs."},
	"bank.table.layout_mismatch": {
		"El archivo no tiene las columnas del formato de {profile}. Columnas encontradas: {columns}.",
		"The file does not have the columns of the {profile} layout. Columns found: {columns}."},
	"bank.table.unknown_profile": {
		"No existe un formato de banco llamado «{name}».",
		"There is no bank layout called “{name}”."},
	"bank.table.bad_profile": {
		"El formato de banco «{name}» está incompleto: le falta la fecha, el monto o el formato de las fechas.",
		"The bank layout “{name}” is incomplete: it lacks the date, the amount or the date format."},
	"bank.table.bad_date": {
		"Fila {line}, columna {column}: «{value}» no es una fecha.",
		"Row {line}, column {column}: “{value}” is not a date."},
	"bank.table.bad_amount": {
		"Fila {line}, columna {column}: «{value}» no es un monto.",
		"Row {line}, column {column}: “{value}” is not an amount."},
	"bank.table.too_many_decimals": {
		"Fila {line}, columna {column}: «{value}» tiene más decimales de los que usa la moneda {currency}.",
		"Row {line}, column {column}: “{value}” has more decimals than the currency {currency} uses."},
	"bank.table.bad_sign": {
		"Fila {line}, columna {column}: «{value}» no dice si el movimiento es cargo o abono.",
		"Row {line}, column {column}: “{value}” does not say whether the transaction is a debit or a credit."},
	"bank.table.debit_and_credit": {
		"Fila {line}: el movimiento tiene a la vez un cargo ({debit}) y un abono ({credit}); debe tener solo uno.",
		"Row {line}: the transaction has both a debit ({debit}) and a credit ({credit}); it must have only one."},
	"bank.table.no_amount": {
		"Fila {line}: el movimiento no tiene monto.",
		"Row {line}: the transaction has no amount."},
	"bank.table.no_currency": {
		"No se sabe en qué moneda está la cartola; elija la cuenta o la moneda antes de importarla.",
		"The statement's currency is not known; choose the account or the currency before importing it."},
	"bank.table.encrypted": {
		"La planilla está protegida con contraseña. Ábrala, quite la contraseña y vuelva a importarla.",
		"The spreadsheet is protected with a password. Open it, remove the password and import it again."},
	"bank.table.html": {
		"El archivo es una página web guardada con nombre de planilla. Ábralo en Excel y guárdelo como .xlsx.",
		"The file is a web page saved with a spreadsheet name. Open it in Excel and save it as .xlsx."},
	"bank.table.damaged": {
		"No se puede leer la planilla: está dañada o incompleta.",
		"The spreadsheet cannot be read: it is damaged or incomplete."},
	"bank.table.too_wide": {
		"Fila {line}: tiene demasiadas columnas o una celda demasiado grande para ser una cartola.",
		"Row {line}: it has too many columns or a cell too large for a bank statement."},
})
