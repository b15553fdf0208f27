export namespace app {
	
	export class DemoRequest {
	    country: string;
	    clients: number;
	    invoices: number;
	    folder: string;
	    seed: number;
	
	    static createFrom(source: any = {}) {
	        return new DemoRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.country = source["country"];
	        this.clients = source["clients"];
	        this.invoices = source["invoices"];
	        this.folder = source["folder"];
	        this.seed = source["seed"];
	    }
	}
	export class Meta {
	    version: string;
	    language: string;
	    today: string;
	    countries: string[];
	    channels: string[];
	    methods: string[];
	
	    static createFrom(source: any = {}) {
	        return new Meta(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.version = source["version"];
	        this.language = source["language"];
	        this.today = source["today"];
	        this.countries = source["countries"];
	        this.channels = source["channels"];
	        this.methods = source["methods"];
	    }
	}
	export class NewPortfolioRequest {
	    name: string;
	    country: string;
	    currency: string;
	    taxId: string;
	    folder: string;
	
	    static createFrom(source: any = {}) {
	        return new NewPortfolioRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.country = source["country"];
	        this.currency = source["currency"];
	        this.taxId = source["taxId"];
	        this.folder = source["folder"];
	    }
	}
	export class PortfolioInfo {
	    open: boolean;
	    path: string;
	    folder: string;
	    portfolio: ar.Portfolio;
	    generation: number;
	
	    static createFrom(source: any = {}) {
	        return new PortfolioInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.open = source["open"];
	        this.path = source["path"];
	        this.folder = source["folder"];
	        this.portfolio = this.convertValues(source["portfolio"], ar.Portfolio);
	        this.generation = source["generation"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RecentPortfolio {
	    path: string;
	    name: string;
	    country: string;
	    openedAt: string;
	    missing: boolean;
	
	    static createFrom(source: any = {}) {
	        return new RecentPortfolio(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.name = source["name"];
	        this.country = source["country"];
	        this.openedAt = source["openedAt"];
	        this.missing = source["missing"];
	    }
	}
	export class TaxIDCheck {
	    name: string;
	    formatted: string;
	    severity: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new TaxIDCheck(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.formatted = source["formatted"];
	        this.severity = source["severity"];
	        this.message = source["message"];
	    }
	}

}

export namespace ar {
	
	export class AuditEntry {
	    id: number;
	    at: string;
	    user: string;
	    action: string;
	    entity: string;
	    entityId: number;
	    before: string;
	    after: string;
	
	    static createFrom(source: any = {}) {
	        return new AuditEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.at = source["at"];
	        this.user = source["user"];
	        this.action = source["action"];
	        this.entity = source["entity"];
	        this.entityId = source["entityId"];
	        this.before = source["before"];
	        this.after = source["after"];
	    }
	}
	export class Contact {
	    id: number;
	    name: string;
	    role: string;
	    email: string;
	    phone: string;
	    channel: string;
	
	    static createFrom(source: any = {}) {
	        return new Contact(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.role = source["role"];
	        this.email = source["email"];
	        this.phone = source["phone"];
	        this.channel = source["channel"];
	    }
	}
	export class Client {
	    id: number;
	    legalName: string;
	    tradeName: string;
	    taxId: string;
	    taxIdStatus: string;
	    country: string;
	    paymentTermsDays: number;
	    creditLimit: number;
	    segment: string;
	    tags: string[];
	    notes: string;
	    contacts: Contact[];
	    source: string;
	    archivedAt?: string;
	    createdAt: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Client(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.legalName = source["legalName"];
	        this.tradeName = source["tradeName"];
	        this.taxId = source["taxId"];
	        this.taxIdStatus = source["taxIdStatus"];
	        this.country = source["country"];
	        this.paymentTermsDays = source["paymentTermsDays"];
	        this.creditLimit = source["creditLimit"];
	        this.segment = source["segment"];
	        this.tags = source["tags"];
	        this.notes = source["notes"];
	        this.contacts = this.convertValues(source["contacts"], Contact);
	        this.source = source["source"];
	        this.archivedAt = source["archivedAt"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ClientInput {
	    legalName: string;
	    tradeName: string;
	    taxId: string;
	    country: string;
	    paymentTermsDays: number;
	    creditLimit: number;
	    segment: string;
	    tags: string[];
	    notes: string;
	    contacts: Contact[];
	    confirmTaxId: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ClientInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.legalName = source["legalName"];
	        this.tradeName = source["tradeName"];
	        this.taxId = source["taxId"];
	        this.country = source["country"];
	        this.paymentTermsDays = source["paymentTermsDays"];
	        this.creditLimit = source["creditLimit"];
	        this.segment = source["segment"];
	        this.tags = source["tags"];
	        this.notes = source["notes"];
	        this.contacts = this.convertValues(source["contacts"], Contact);
	        this.confirmTaxId = source["confirmTaxId"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Document {
	    id: number;
	    clientId: number;
	    kind: string;
	    number: string;
	    issueDate: string;
	    dueDate: string;
	    currency: string;
	    amount: number;
	    open: number;
	    credited: number;
	    appliesToId: number;
	    description: string;
	    source: string;
	    voidedAt?: string;
	    voidReason: string;
	    createdAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Document(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.clientId = source["clientId"];
	        this.kind = source["kind"];
	        this.number = source["number"];
	        this.issueDate = source["issueDate"];
	        this.dueDate = source["dueDate"];
	        this.currency = source["currency"];
	        this.amount = source["amount"];
	        this.open = source["open"];
	        this.credited = source["credited"];
	        this.appliesToId = source["appliesToId"];
	        this.description = source["description"];
	        this.source = source["source"];
	        this.voidedAt = source["voidedAt"];
	        this.voidReason = source["voidReason"];
	        this.createdAt = source["createdAt"];
	    }
	}
	export class DocumentInput {
	    clientId: number;
	    kind: string;
	    number: string;
	    issueDate: string;
	    dueDate: string;
	    currency: string;
	    amount: number;
	    appliesToId: number;
	    description: string;
	
	    static createFrom(source: any = {}) {
	        return new DocumentInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.clientId = source["clientId"];
	        this.kind = source["kind"];
	        this.number = source["number"];
	        this.issueDate = source["issueDate"];
	        this.dueDate = source["dueDate"];
	        this.currency = source["currency"];
	        this.amount = source["amount"];
	        this.appliesToId = source["appliesToId"];
	        this.description = source["description"];
	    }
	}
	export class LedgerEntry {
	    date: string;
	    type: string;
	    documentId: number;
	    paymentId: number;
	    reference: string;
	    description: string;
	    currency: string;
	    debit: number;
	    credit: number;
	    balance: number;
	    status: string;
	
	    static createFrom(source: any = {}) {
	        return new LedgerEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.date = source["date"];
	        this.type = source["type"];
	        this.documentId = source["documentId"];
	        this.paymentId = source["paymentId"];
	        this.reference = source["reference"];
	        this.description = source["description"];
	        this.currency = source["currency"];
	        this.debit = source["debit"];
	        this.credit = source["credit"];
	        this.balance = source["balance"];
	        this.status = source["status"];
	    }
	}
	export class Line {
	    documentId: number;
	    amount: number;
	
	    static createFrom(source: any = {}) {
	        return new Line(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.documentId = source["documentId"];
	        this.amount = source["amount"];
	    }
	}
	export class OpenItem {
	    documentId: number;
	    kind: string;
	    number: string;
	    issueDate: string;
	    dueDate: string;
	    currency: string;
	    amount: number;
	    open: number;
	
	    static createFrom(source: any = {}) {
	        return new OpenItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.documentId = source["documentId"];
	        this.kind = source["kind"];
	        this.number = source["number"];
	        this.issueDate = source["issueDate"];
	        this.dueDate = source["dueDate"];
	        this.currency = source["currency"];
	        this.amount = source["amount"];
	        this.open = source["open"];
	    }
	}
	export class Payment {
	    id: number;
	    clientId: number;
	    date: string;
	    currency: string;
	    amount: number;
	    unallocated: number;
	    method: string;
	    reference: string;
	    notes: string;
	    source: string;
	    reversedAt?: string;
	    reversalReason: string;
	    createdAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Payment(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.clientId = source["clientId"];
	        this.date = source["date"];
	        this.currency = source["currency"];
	        this.amount = source["amount"];
	        this.unallocated = source["unallocated"];
	        this.method = source["method"];
	        this.reference = source["reference"];
	        this.notes = source["notes"];
	        this.source = source["source"];
	        this.reversedAt = source["reversedAt"];
	        this.reversalReason = source["reversalReason"];
	        this.createdAt = source["createdAt"];
	    }
	}
	export class PaymentInput {
	    clientId: number;
	    date: string;
	    currency: string;
	    amount: number;
	    method: string;
	    reference: string;
	    notes: string;
	    allocations: Line[];
	
	    static createFrom(source: any = {}) {
	        return new PaymentInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.clientId = source["clientId"];
	        this.date = source["date"];
	        this.currency = source["currency"];
	        this.amount = source["amount"];
	        this.method = source["method"];
	        this.reference = source["reference"];
	        this.notes = source["notes"];
	        this.allocations = this.convertValues(source["allocations"], Line);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Portfolio {
	    name: string;
	    legalName: string;
	    taxId: string;
	    country: string;
	    currency: string;
	    fiscalYearStartMonth: number;
	    defaultTermsDays: number;
	    createdAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Portfolio(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.legalName = source["legalName"];
	        this.taxId = source["taxId"];
	        this.country = source["country"];
	        this.currency = source["currency"];
	        this.fiscalYearStartMonth = source["fiscalYearStartMonth"];
	        this.defaultTermsDays = source["defaultTermsDays"];
	        this.createdAt = source["createdAt"];
	    }
	}

}

export namespace date {
	
	export class Date {
	    Year: number;
	    Month: number;
	    Day: number;
	
	    static createFrom(source: any = {}) {
	        return new Date(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.Year = source["Year"];
	        this.Month = source["Month"];
	        this.Day = source["Day"];
	    }
	}

}

export namespace sqlite {
	
	export class AllocationLine {
	    id: number;
	    documentId: number;
	    paymentId: number;
	    creditNoteId: number;
	    amount: number;
	    createdAt: string;
	    reversedAt?: string;
	    documentNumber: string;
	    paymentDate: string;
	    paymentReference: string;
	    creditNoteNumber: string;
	
	    static createFrom(source: any = {}) {
	        return new AllocationLine(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.documentId = source["documentId"];
	        this.paymentId = source["paymentId"];
	        this.creditNoteId = source["creditNoteId"];
	        this.amount = source["amount"];
	        this.createdAt = source["createdAt"];
	        this.reversedAt = source["reversedAt"];
	        this.documentNumber = source["documentNumber"];
	        this.paymentDate = source["paymentDate"];
	        this.paymentReference = source["paymentReference"];
	        this.creditNoteNumber = source["creditNoteNumber"];
	    }
	}
	export class Backup {
	    path: string;
	    at: string;
	    bytes: number;
	
	    static createFrom(source: any = {}) {
	        return new Backup(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.at = source["at"];
	        this.bytes = source["bytes"];
	    }
	}
	export class ClientFilter {
	    search: string;
	    segment: string;
	    archived: string;
	    overdue: boolean;
	    sort: string;
	    desc: boolean;
	    offset: number;
	    limit: number;
	    today: string;
	
	    static createFrom(source: any = {}) {
	        return new ClientFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.search = source["search"];
	        this.segment = source["segment"];
	        this.archived = source["archived"];
	        this.overdue = source["overdue"];
	        this.sort = source["sort"];
	        this.desc = source["desc"];
	        this.offset = source["offset"];
	        this.limit = source["limit"];
	        this.today = source["today"];
	    }
	}
	export class ClientRow {
	    id: number;
	    legalName: string;
	    tradeName: string;
	    taxId: string;
	    taxIdStatus: string;
	    country: string;
	    segment: string;
	    archived: boolean;
	    receivable: number;
	    overdue: number;
	    creditLimit: number;
	
	    static createFrom(source: any = {}) {
	        return new ClientRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.legalName = source["legalName"];
	        this.tradeName = source["tradeName"];
	        this.taxId = source["taxId"];
	        this.taxIdStatus = source["taxIdStatus"];
	        this.country = source["country"];
	        this.segment = source["segment"];
	        this.archived = source["archived"];
	        this.receivable = source["receivable"];
	        this.overdue = source["overdue"];
	        this.creditLimit = source["creditLimit"];
	    }
	}
	export class ClientPage {
	    rows: ClientRow[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new ClientPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rows = this.convertValues(source["rows"], ClientRow);
	        this.total = source["total"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class CurrencyBalance {
	    currency: string;
	    receivable: number;
	    overdue: number;
	    credit: number;
	    balance: number;
	    openCount: number;
	    overdueCount: number;
	    oldestDays: number;
	
	    static createFrom(source: any = {}) {
	        return new CurrencyBalance(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.currency = source["currency"];
	        this.receivable = source["receivable"];
	        this.overdue = source["overdue"];
	        this.credit = source["credit"];
	        this.balance = source["balance"];
	        this.openCount = source["openCount"];
	        this.overdueCount = source["overdueCount"];
	        this.oldestDays = source["oldestDays"];
	    }
	}
	export class ClientSummary {
	    client: ar.Client;
	    balances: CurrencyBalance[];
	    creditUsed: number;
	
	    static createFrom(source: any = {}) {
	        return new ClientSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.client = this.convertValues(source["client"], ar.Client);
	        this.balances = this.convertValues(source["balances"], CurrencyBalance);
	        this.creditUsed = source["creditUsed"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class DocumentDetail {
	    document: ar.Document;
	    status: string;
	    daysOverdue: number;
	    clientName: string;
	    allocations: AllocationLine[];
	
	    static createFrom(source: any = {}) {
	        return new DocumentDetail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.document = this.convertValues(source["document"], ar.Document);
	        this.status = source["status"];
	        this.daysOverdue = source["daysOverdue"];
	        this.clientName = source["clientName"];
	        this.allocations = this.convertValues(source["allocations"], AllocationLine);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class DocumentFilter {
	    clientId: number;
	    kind: string;
	    status: string;
	    dueFrom: string;
	    dueTo: string;
	    search: string;
	    sort: string;
	    desc: boolean;
	    offset: number;
	    limit: number;
	    today: string;
	
	    static createFrom(source: any = {}) {
	        return new DocumentFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.clientId = source["clientId"];
	        this.kind = source["kind"];
	        this.status = source["status"];
	        this.dueFrom = source["dueFrom"];
	        this.dueTo = source["dueTo"];
	        this.search = source["search"];
	        this.sort = source["sort"];
	        this.desc = source["desc"];
	        this.offset = source["offset"];
	        this.limit = source["limit"];
	        this.today = source["today"];
	    }
	}
	export class DocumentRow {
	    id: number;
	    clientId: number;
	    kind: string;
	    number: string;
	    issueDate: string;
	    dueDate: string;
	    currency: string;
	    amount: number;
	    open: number;
	    credited: number;
	    appliesToId: number;
	    description: string;
	    source: string;
	    voidedAt?: string;
	    voidReason: string;
	    createdAt: string;
	    clientName: string;
	    status: string;
	    daysOverdue: number;
	
	    static createFrom(source: any = {}) {
	        return new DocumentRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.clientId = source["clientId"];
	        this.kind = source["kind"];
	        this.number = source["number"];
	        this.issueDate = source["issueDate"];
	        this.dueDate = source["dueDate"];
	        this.currency = source["currency"];
	        this.amount = source["amount"];
	        this.open = source["open"];
	        this.credited = source["credited"];
	        this.appliesToId = source["appliesToId"];
	        this.description = source["description"];
	        this.source = source["source"];
	        this.voidedAt = source["voidedAt"];
	        this.voidReason = source["voidReason"];
	        this.createdAt = source["createdAt"];
	        this.clientName = source["clientName"];
	        this.status = source["status"];
	        this.daysOverdue = source["daysOverdue"];
	    }
	}
	export class DocumentPage {
	    rows: DocumentRow[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new DocumentPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rows = this.convertValues(source["rows"], DocumentRow);
	        this.total = source["total"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class PaymentDetail {
	    payment: ar.Payment;
	    clientName: string;
	    allocations: AllocationLine[];
	
	    static createFrom(source: any = {}) {
	        return new PaymentDetail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.payment = this.convertValues(source["payment"], ar.Payment);
	        this.clientName = source["clientName"];
	        this.allocations = this.convertValues(source["allocations"], AllocationLine);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PaymentFilter {
	    clientId: number;
	    from: string;
	    to: string;
	    search: string;
	    unallocated: boolean;
	    reversed: string;
	    sort: string;
	    desc: boolean;
	    offset: number;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new PaymentFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.clientId = source["clientId"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.search = source["search"];
	        this.unallocated = source["unallocated"];
	        this.reversed = source["reversed"];
	        this.sort = source["sort"];
	        this.desc = source["desc"];
	        this.offset = source["offset"];
	        this.limit = source["limit"];
	    }
	}
	export class PaymentRow {
	    id: number;
	    clientId: number;
	    date: string;
	    currency: string;
	    amount: number;
	    unallocated: number;
	    method: string;
	    reference: string;
	    notes: string;
	    source: string;
	    reversedAt?: string;
	    reversalReason: string;
	    createdAt: string;
	    clientName: string;
	
	    static createFrom(source: any = {}) {
	        return new PaymentRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.clientId = source["clientId"];
	        this.date = source["date"];
	        this.currency = source["currency"];
	        this.amount = source["amount"];
	        this.unallocated = source["unallocated"];
	        this.method = source["method"];
	        this.reference = source["reference"];
	        this.notes = source["notes"];
	        this.source = source["source"];
	        this.reversedAt = source["reversedAt"];
	        this.reversalReason = source["reversalReason"];
	        this.createdAt = source["createdAt"];
	        this.clientName = source["clientName"];
	    }
	}
	export class PaymentPage {
	    rows: PaymentRow[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new PaymentPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rows = this.convertValues(source["rows"], PaymentRow);
	        this.total = source["total"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Violation {
	    rule: string;
	    detail: string;
	
	    static createFrom(source: any = {}) {
	        return new Violation(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rule = source["rule"];
	        this.detail = source["detail"];
	    }
	}

}

