package i18n

// Messages about the structured statement formats (backend/bankfile: ofx.go,
// camt.go, mt940.go, qif.go). {line} is the line of the file where the
// problem is; the user can open the file in a text editor and look.
var _ = add(map[string][2]string{
	"bank.formats.bad_amount": {
		"Línea {line}: el monto «{value}» no es un número.",
		"Line {line}: the amount “{value}” is not a number.",
	},
	"bank.formats.amount_decimals": {
		"Línea {line}: el monto «{value}» tiene más decimales de los que usa la moneda ({currency}).",
		"Line {line}: the amount “{value}” has more decimals than the currency ({currency}) uses.",
	},
	"bank.formats.amount_too_large": {
		"Línea {line}: el monto «{value}» es demasiado grande para ser un movimiento real.",
		"Line {line}: the amount “{value}” is too large to be a real transaction.",
	},
	"bank.formats.bad_date": {
		"Línea {line}: «{value}» no es una fecha que exista.",
		"Line {line}: “{value}” is not a date that exists.",
	},
	"bank.formats.missing_amount": {
		"Línea {line}: el movimiento no tiene monto.",
		"Line {line}: the transaction has no amount.",
	},
	"bank.formats.missing_date": {
		"Línea {line}: el movimiento no tiene fecha.",
		"Line {line}: the transaction has no date.",
	},
	"bank.formats.missing_sign": {
		"Línea {line}: el movimiento no dice si es un abono o un cargo.",
		"Line {line}: the transaction does not say whether it is a credit or a debit.",
	},
	"bank.formats.truncated": {
		"Línea {line}: el archivo termina antes de tiempo; parece incompleto. Descárguelo otra vez desde el banco.",
		"Line {line}: the file ends too early; it looks incomplete. Download it again from the bank.",
	},
	"bank.formats.malformed": {
		"Línea {line}: el archivo está dañado en este punto y no se puede leer. Descárguelo otra vez desde el banco.",
		"Line {line}: the file is damaged at this point and cannot be read. Download it again from the bank.",
	},
	"bank.formats.no_statement": {
		"El archivo no contiene ningún estado de cuenta.",
		"The file contains no bank statement.",
	},
	"bank.formats.camt_namespace": {
		"Línea {line}: el archivo dice ser «{value}», que no es un estado de cuenta que Cartera lea (ISO 20022 camt.052, camt.053 o camt.054, versiones 01 a 13).",
		"Line {line}: the file says it is “{value}”, which is not a statement Cartera reads (ISO 20022 camt.052, camt.053 or camt.054, versions 01 to 13).",
	},
	"bank.formats.camt_not_statement": {
		"Línea {line}: este archivo XML no es un estado de cuenta del banco (ISO 20022 camt.052, camt.053 o camt.054).",
		"Line {line}: this XML file is not a bank statement (ISO 20022 camt.052, camt.053 or camt.054).",
	},
	"bank.formats.mt940_no_closing": {
		"Línea {line}: el estado de cuenta que empieza en la línea {start} no trae su saldo final; el archivo parece incompleto. Descárguelo otra vez desde el banco.",
		"Line {line}: the statement that starts on line {start} has no closing balance; the file looks incomplete. Download it again from the bank.",
	},
	"bank.formats.mt940_bad_entry": {
		"Línea {line}: no se entiende el movimiento «{value}».",
		"Line {line}: the transaction “{value}” cannot be understood.",
	},
	"bank.formats.mt940_bad_balance": {
		"Línea {line}: no se entiende el saldo «{value}».",
		"Line {line}: the balance “{value}” cannot be understood.",
	},
	"bank.formats.qif_mixed_dates": {
		"Línea {line}: la fecha «{value}» pone el día y el mes en el orden contrario al de las demás fechas del archivo.",
		"Line {line}: the date “{value}” puts day and month the other way round from the other dates in the file.",
	},
	"bank.formats.qif_mixed_amounts": {
		"Línea {line}: el monto «{value}» usa el punto y la coma al revés que los demás montos del archivo.",
		"Line {line}: the amount “{value}” uses point and comma the other way round from the other amounts in the file.",
	},
})
