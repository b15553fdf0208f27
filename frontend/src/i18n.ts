import i18n from 'i18next';
import {initReactI18next} from 'react-i18next';

// Spanish first: it is what business owners read; English mirrors every key
// (i18n.test.ts keeps the two in step).
export const es = {
  app: {name: 'Cartera', tagline: 'Cobranza y cuentas por cobrar, en su computador.'},
  nav: {
    clients: 'Clientes', invoices: 'Documentos', payments: 'Pagos', history: 'Historial', backups: 'Copias de seguridad',
    switch: 'Cambiar de cartera', settings: 'Datos de la cartera',
  },
  common: {
    save: 'Guardar', cancel: 'Cancelar', close: 'Cerrar', edit: 'Editar', back: 'Volver', search: 'Buscar',
    loading: 'Cargando…', retry: 'Reintentar', all: 'Todos', none: 'Ninguno', add: 'Agregar', remove: 'Quitar',
    yes: 'Sí', no: 'No', confirm: 'Confirmar', error: 'No se pudo completar', saved: 'Guardado', 
    shortcuts: 'Atajos: N nuevo · / buscar · Alt+1…5 secciones · Esc cerrar',
    capped: 'Se muestran los primeros {{shown}} de {{total}}. Use la búsqueda o los filtros para encontrar el resto.',
  },
  lang: {es: 'Español', en: 'English'},
  country: {CL: 'Chile', CO: 'Colombia', MX: 'México', PE: 'Perú', AR: 'Argentina'},
  start: {
    new: 'Nueva cartera', newHint: 'Empiece de cero con sus clientes y facturas.',
    open: 'Abrir cartera…', openHint: 'Un archivo .cartera que ya tiene.',
    demo: 'Probar con una cartera de demostración', demoHint: 'Una empresa ficticia con clientes, facturas y pagos reales de ejemplo.',
    recent: 'Carteras recientes', noRecent: 'Aún no ha abierto ninguna cartera. Cree una nueva o pruebe la demostración.',
    missing: 'El archivo ya no está en esa carpeta', forget: 'Quitar de la lista',
  },
  newPortfolio: {
    title: 'Nueva cartera', name: 'Nombre de la cartera', namePh: 'Ej.: Ferretería Los Andes',
    country: 'País', currency: 'Moneda principal', taxId: 'RUT / NIT / RFC de la empresa (opcional)',
    folder: 'Carpeta', choose: 'Elegir…', create: 'Crear cartera',
  },
  demo: {
    title: 'Cartera de demostración', country: 'País de la empresa', size: 'Tamaño',
    small: 'Pequeña: 200 clientes, 5.000 facturas', medium: 'Mediana: 2.000 clientes, 100.000 facturas',
    large: 'Grande: 20.000 clientes, 1.000.000 de facturas', generate: 'Crear demostración',
    working: 'Preparando la cartera de demostración…', clients: 'Clientes', invoices: 'Facturas y pagos', indexes: 'Ordenando',
    canceled: 'Se canceló la demostración; no quedó ningún archivo a medias.',
  },
  clients: {
    title: 'Clientes', new: 'Nuevo cliente', searchPh: 'Buscar por nombre, RUT o segmento', empty: 'Todavía no hay clientes.',
    emptyHint: 'Agregue su primer cliente con «Nuevo cliente».', noMatch: 'Ningún cliente coincide con la búsqueda.',
    name: 'Cliente', taxId: 'Identificación', segment: 'Segmento', balance: 'Saldo', overdue: 'Vencido', limit: 'Límite de crédito',
    status: 'Estado', active: 'Activos', archived: 'Archivados', onlyOverdue: 'Solo con deuda vencida', count_one: '{{n}} cliente', count_other: '{{n}} clientes',
    archivedBadge: 'Archivado',
  },
  clientForm: {
    titleNew: 'Nuevo cliente', titleEdit: 'Editar cliente', legalName: 'Razón social', tradeName: 'Nombre de fantasía',
    taxId: 'Identificación tributaria', country: 'País', terms: 'Plazo de pago (días)', creditLimit: 'Límite de crédito',
    segment: 'Segmento', tags: 'Etiquetas', tagsPh: 'Escriba y presione Enter', notes: 'Notas', contacts: 'Contactos',
    addContact: 'Agregar contacto', contactName: 'Nombre', role: 'Cargo', email: 'Correo', phone: 'Teléfono', channel: 'Canal preferido',
    confirmTaxId: 'El número está bien aunque el dígito no calce: guardarlo igual', taxOk: '{{name}} válido: {{formatted}}',
    other: 'Otro país',
  },
  channel: {email: 'Correo', whatsapp: 'WhatsApp', phone: 'Teléfono', sms: 'SMS', letter: 'Carta'},
  client: {
    balance: 'Saldo', overdue: 'Vencido', credit: 'Saldo a favor', creditUsed: 'Crédito usado', of: '{{pct}} % de {{limit}}', noLimit: 'sin límite de crédito',
    open_one: '{{count}} documento abierto', open_other: '{{count}} documentos abiertos', oldest: 'más antiguo: {{days}} días', ledger: 'Movimientos', contacts: 'Contactos',
    history: 'Historial de cambios', archive: 'Archivar', unarchive: 'Reactivar', newInvoice: 'Nuevo documento', newPayment: 'Registrar pago',
    emptyLedger: 'Sin movimientos. Registre una factura con «Nuevo documento».', noContacts: 'Sin contactos. Agréguelos con «Editar».',
    terms: 'Plazo: {{days}} días',
  },
  ledger: {date: 'Fecha', type: 'Movimiento', reference: 'Referencia', debit: 'Cargo', credit: 'Abono', balance: 'Saldo', status: 'Estado'},
  kindShort: {invoice: 'F', credit_note: 'NC', debit_note: 'ND'},
  kind: {invoice: 'Factura', credit_note: 'Nota de crédito', debit_note: 'Nota de débito', payment: 'Pago', payment_reversal: 'Pago reversado', void: 'Anulación'},
  status: {
    open: 'Por vencer', partly_paid: 'Pago parcial', overdue: 'Vencida', paid: 'Pagada', credited: 'Anulada con nota de crédito',
    voided: 'Anulada', available: 'Disponible', applied: 'Aplicada',
  },
  invoices: {
    title: 'Documentos', new: 'Nuevo documento', searchPh: 'Buscar por número o cliente', empty: 'Todavía no hay documentos.',
    emptyHint: 'Registre una factura con «Nuevo documento».', noMatch: 'Ningún documento coincide con los filtros.',
    number: 'Número', client: 'Cliente', issue: 'Emisión', due: 'Vencimiento', amount: 'Monto', open: 'Pendiente', status: 'Estado',
    kind: 'Tipo', dueFrom: 'Vence desde', dueTo: 'Vence hasta', daysOverdue_one: '{{count}} día vencida', daysOverdue_other: '{{count}} días vencida', count_one: '{{n}} documento', count_other: '{{n}} documentos',
    void: 'Anular', voidReason: 'Motivo de la anulación', voidHint: 'La factura queda registrada como anulada; nada se borra.',
    allocations: 'Pagos y notas aplicados', noAllocations: 'Todavía no tiene pagos aplicados.', applies: 'Corrige la factura',
  },
  invoiceForm: {
    title: 'Nuevo documento', client: 'Cliente', clientPh: 'Busque el cliente', kind: 'Tipo de documento', number: 'Número o folio',
    issue: 'Fecha de emisión', due: 'Fecha de vencimiento', dueHint: 'Según el plazo del cliente ({{days}} días)', currency: 'Moneda',
    amount: 'Monto total', description: 'Descripción', appliesTo: 'Factura que corrige', badAmount: 'Escriba un monto como {{example}}.',
  },
  payments: {
    title: 'Pagos', new: 'Registrar pago', searchPh: 'Buscar por referencia o cliente', empty: 'Todavía no hay pagos registrados.',
    emptyHint: 'Registre el primero con «Registrar pago».', noMatch: 'Ningún pago coincide con la búsqueda.',
    date: 'Fecha', client: 'Cliente', amount: 'Monto', unallocated: 'Sin imputar', method: 'Medio', reference: 'Referencia',
    reversed: 'Reversado', reverse: 'Reversar pago', reverseReason: 'Motivo de la reversa', reverseHint: 'El pago queda registrado como reversado y sus imputaciones se deshacen; nada se borra.',
    count_one: '{{n}} pago', count_other: '{{n}} pagos', onlyUnallocated: 'Solo con saldo sin imputar', allocateRest: 'Imputar saldo', unallocate: 'Deshacer imputación',
  },
  method: {transfer: 'Transferencia', deposit: 'Depósito', cash: 'Efectivo', check: 'Cheque', card: 'Tarjeta', other: 'Otro'},
  paymentForm: {
    title: 'Registrar pago', allocateTitle: 'Imputar saldo del pago', client: 'Cliente', date: 'Fecha del pago', amount: 'Monto recibido',
    currency: 'Moneda', method: 'Medio de pago', reference: 'Referencia (N° de operación, cheque…)', notes: 'Notas',
    allocation: 'Imputación a facturas', proposeHint: 'Se propone pagar primero lo más antiguo; puede cambiar los montos.',
    propose: 'Proponer de nuevo', noOpen: 'Este cliente no tiene facturas abiertas en {{currency}}: el pago quedará como saldo a favor.',
    chooseClient: 'Elija el cliente para ver sus facturas abiertas.', applied: 'Imputado', remainder: 'Queda como saldo a favor',
    over: 'Lo imputado supera el monto del pago.', pay: 'A imputar', openAmount: 'Pendiente',
  },
  history: {
    title: 'Historial de cambios', empty: 'Todavía no hay cambios registrados.', when: 'Cuándo', user: 'Usuario', action: 'Acción',
    record: 'Registro', detail: 'Detalle', before: 'Antes', after: 'Después',
  },
  action: {
    create: 'Creación', update: 'Modificación', archive: 'Archivo', unarchive: 'Reactivación', void: 'Anulación', reverse: 'Reversa',
    allocate: 'Imputación', unallocate: 'Imputación deshecha', demo: 'Demostración generada', restore: 'Restauración', migrate: 'Actualización',
  },
  entity: {client: 'Cliente', document: 'Documento', payment: 'Pago', allocation: 'Imputación', portfolio: 'Cartera'},
  backups: {
    title: 'Copias de seguridad', hint: 'Cartera guarda una copia automática al abrir la cartera y conserva las más recientes.',
    now: 'Crear copia ahora', restore: 'Restaurar', empty: 'Todavía no hay copias. Se crea una al abrir la cartera, o ahora con «Crear copia ahora».',
    at: 'Fecha', size: 'Tamaño', confirm: '¿Restaurar la copia del {{at}}? La cartera actual se guarda antes como otra copia.',
    done: 'Copia creada', restored: 'Cartera restaurada',
  },
  export: {
    button: 'Exportar', working: 'Exportando… {{n}} filas', done: '{{n}} filas exportadas a {{path}}', canceled: 'Exportación cancelada; no quedó ningún archivo.',
  },
  settings: {title: 'Datos de la cartera', legalName: 'Razón social', taxId: 'Identificación tributaria', terms: 'Plazo de pago por defecto (días)', fiscal: 'Mes de inicio del año fiscal', file: 'Archivo'},
};

type Dict = typeof es;

export const en: Dict = {
  app: {name: 'Cartera', tagline: 'Receivables and collections, on your own computer.'},
  nav: {
    clients: 'Clients', invoices: 'Documents', payments: 'Payments', history: 'History', backups: 'Backups',
    switch: 'Switch portfolio', settings: 'Portfolio details',
  },
  common: {
    save: 'Save', cancel: 'Cancel', close: 'Close', edit: 'Edit', back: 'Back', search: 'Search',
    loading: 'Loading…', retry: 'Retry', all: 'All', none: 'None', add: 'Add', remove: 'Remove',
    yes: 'Yes', no: 'No', confirm: 'Confirm', error: 'Could not complete', saved: 'Saved', 
    shortcuts: 'Shortcuts: N new · / search · Alt+1…5 sections · Esc close',
    capped: 'Showing the first {{shown}} of {{total}}. Use search or the filters to find the rest.',
  },
  lang: {es: 'Español', en: 'English'},
  country: {CL: 'Chile', CO: 'Colombia', MX: 'Mexico', PE: 'Peru', AR: 'Argentina'},
  start: {
    new: 'New portfolio', newHint: 'Start from scratch with your clients and invoices.',
    open: 'Open portfolio…', openHint: 'A .cartera file you already have.',
    demo: 'Try a demo portfolio', demoHint: 'A made-up company with sample clients, invoices and payments.',
    recent: 'Recent portfolios', noRecent: 'You have not opened a portfolio yet. Create one or try the demo.',
    missing: 'The file is no longer in that folder', forget: 'Remove from the list',
  },
  newPortfolio: {
    title: 'New portfolio', name: 'Portfolio name', namePh: 'E.g.: Los Andes Hardware',
    country: 'Country', currency: 'Main currency', taxId: 'Company tax ID (optional)',
    folder: 'Folder', choose: 'Choose…', create: 'Create portfolio',
  },
  demo: {
    title: 'Demo portfolio', country: 'Company country', size: 'Size',
    small: 'Small: 200 clients, 5,000 invoices', medium: 'Medium: 2,000 clients, 100,000 invoices',
    large: 'Large: 20,000 clients, 1,000,000 invoices', generate: 'Create demo',
    working: 'Preparing the demo portfolio…', clients: 'Clients', invoices: 'Invoices and payments', indexes: 'Sorting',
    canceled: 'The demo was cancelled; no half-written file was left.',
  },
  clients: {
    title: 'Clients', new: 'New client', searchPh: 'Search by name, tax ID or segment', empty: 'No clients yet.',
    emptyHint: 'Add your first client with “New client”.', noMatch: 'No client matches the search.',
    name: 'Client', taxId: 'Tax ID', segment: 'Segment', balance: 'Balance', overdue: 'Overdue', limit: 'Credit limit',
    status: 'Status', active: 'Active', archived: 'Archived', onlyOverdue: 'Only with overdue debt', count_one: '{{n}} client', count_other: '{{n}} clients',
    archivedBadge: 'Archived',
  },
  clientForm: {
    titleNew: 'New client', titleEdit: 'Edit client', legalName: 'Legal name', tradeName: 'Trade name',
    taxId: 'Tax ID', country: 'Country', terms: 'Payment terms (days)', creditLimit: 'Credit limit',
    segment: 'Segment', tags: 'Tags', tagsPh: 'Type and press Enter', notes: 'Notes', contacts: 'Contacts',
    addContact: 'Add contact', contactName: 'Name', role: 'Role', email: 'Email', phone: 'Phone', channel: 'Preferred channel',
    confirmTaxId: 'The number is right even though the check digit does not match: save it anyway', taxOk: 'Valid {{name}}: {{formatted}}',
    other: 'Other country',
  },
  channel: {email: 'Email', whatsapp: 'WhatsApp', phone: 'Phone', sms: 'SMS', letter: 'Letter'},
  client: {
    balance: 'Balance', overdue: 'Overdue', credit: 'Credit in favour', creditUsed: 'Credit used', of: '{{pct}}% of {{limit}}', noLimit: 'no credit limit',
    open_one: '{{count}} open document', open_other: '{{count}} open documents', oldest: 'oldest: {{days}} days', ledger: 'Ledger', contacts: 'Contacts',
    history: 'Change history', archive: 'Archive', unarchive: 'Reactivate', newInvoice: 'New document', newPayment: 'Record payment',
    emptyLedger: 'No entries. Record an invoice with “New document”.', noContacts: 'No contacts. Add them with “Edit”.',
    terms: 'Terms: {{days}} days',
  },
  ledger: {date: 'Date', type: 'Entry', reference: 'Reference', debit: 'Debit', credit: 'Credit', balance: 'Balance', status: 'Status'},
  kindShort: {invoice: 'I', credit_note: 'CN', debit_note: 'DN'},
  kind: {invoice: 'Invoice', credit_note: 'Credit note', debit_note: 'Debit note', payment: 'Payment', payment_reversal: 'Reversed payment', void: 'Void'},
  status: {
    open: 'Not yet due', partly_paid: 'Partly paid', overdue: 'Overdue', paid: 'Paid', credited: 'Cancelled by credit note',
    voided: 'Voided', available: 'Available', applied: 'Applied',
  },
  invoices: {
    title: 'Documents', new: 'New document', searchPh: 'Search by number or client', empty: 'No documents yet.',
    emptyHint: 'Record an invoice with “New document”.', noMatch: 'No document matches the filters.',
    number: 'Number', client: 'Client', issue: 'Issued', due: 'Due', amount: 'Amount', open: 'Outstanding', status: 'Status',
    kind: 'Type', dueFrom: 'Due from', dueTo: 'Due to', daysOverdue_one: '{{count}} day overdue', daysOverdue_other: '{{count}} days overdue', count_one: '{{n}} document', count_other: '{{n}} documents',
    void: 'Void', voidReason: 'Reason for voiding', voidHint: 'The invoice stays on record as voided; nothing is deleted.',
    allocations: 'Payments and notes applied', noAllocations: 'No payments applied yet.', applies: 'Corrects invoice',
  },
  invoiceForm: {
    title: 'New document', client: 'Client', clientPh: 'Search the client', kind: 'Document type', number: 'Number',
    issue: 'Issue date', due: 'Due date', dueHint: 'From the client’s terms ({{days}} days)', currency: 'Currency',
    amount: 'Total amount', description: 'Description', appliesTo: 'Invoice it corrects', badAmount: 'Type an amount like {{example}}.',
  },
  payments: {
    title: 'Payments', new: 'Record payment', searchPh: 'Search by reference or client', empty: 'No payments recorded yet.',
    emptyHint: 'Record the first one with “Record payment”.', noMatch: 'No payment matches the search.',
    date: 'Date', client: 'Client', amount: 'Amount', unallocated: 'Unallocated', method: 'Method', reference: 'Reference',
    reversed: 'Reversed', reverse: 'Reverse payment', reverseReason: 'Reason for the reversal', reverseHint: 'The payment stays on record as reversed and its allocations are undone; nothing is deleted.',
    count_one: '{{n}} payment', count_other: '{{n}} payments', onlyUnallocated: 'Only with unallocated money', allocateRest: 'Allocate remainder', unallocate: 'Undo allocation',
  },
  method: {transfer: 'Transfer', deposit: 'Deposit', cash: 'Cash', check: 'Cheque', card: 'Card', other: 'Other'},
  paymentForm: {
    title: 'Record payment', allocateTitle: 'Allocate the payment’s remainder', client: 'Client', date: 'Payment date', amount: 'Amount received',
    currency: 'Currency', method: 'Payment method', reference: 'Reference (transaction no., cheque…)', notes: 'Notes',
    allocation: 'Allocation to invoices', proposeHint: 'The oldest is proposed first; you can change the amounts.',
    propose: 'Propose again', noOpen: 'This client has no open invoices in {{currency}}: the payment will stay as credit in favour.',
    chooseClient: 'Choose the client to see their open invoices.', applied: 'Allocated', remainder: 'Stays as credit in favour',
    over: 'The allocation exceeds the payment amount.', pay: 'To allocate', openAmount: 'Outstanding',
  },
  history: {
    title: 'Change history', empty: 'No changes recorded yet.', when: 'When', user: 'User', action: 'Action',
    record: 'Record', detail: 'Detail', before: 'Before', after: 'After',
  },
  action: {
    create: 'Created', update: 'Changed', archive: 'Archived', unarchive: 'Reactivated', void: 'Voided', reverse: 'Reversed',
    allocate: 'Allocated', unallocate: 'Allocation undone', demo: 'Demo generated', restore: 'Restored', migrate: 'Upgraded',
  },
  entity: {client: 'Client', document: 'Document', payment: 'Payment', allocation: 'Allocation', portfolio: 'Portfolio'},
  backups: {
    title: 'Backups', hint: 'Cartera keeps an automatic copy when the portfolio is opened, and keeps the most recent ones.',
    now: 'Back up now', restore: 'Restore', empty: 'No backups yet. One is made when the portfolio opens, or now with “Back up now”.',
    at: 'Date', size: 'Size', confirm: 'Restore the backup of {{at}}? The current portfolio is saved first as another backup.',
    done: 'Backup made', restored: 'Portfolio restored',
  },
  export: {
    button: 'Export', working: 'Exporting… {{n}} rows', done: '{{n}} rows exported to {{path}}', canceled: 'Export cancelled; no file was left.',
  },
  settings: {title: 'Portfolio details', legalName: 'Legal name', taxId: 'Tax ID', terms: 'Default payment terms (days)', fiscal: 'Fiscal year start month', file: 'File'},
};

export function initI18n(lang: string) {
  if (!i18n.isInitialized) {
    i18n.use(initReactI18next).init({
      resources: {es: {translation: es}, en: {translation: en}},
      lng: lang === 'en' ? 'en' : 'es',
      fallbackLng: 'es',
      interpolation: {escapeValue: false},
    });
  } else {
    i18n.changeLanguage(lang === 'en' ? 'en' : 'es');
  }
  return i18n;
}

export default i18n;
