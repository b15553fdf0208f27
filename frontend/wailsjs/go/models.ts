export namespace app {
	
	export class About {
	    version: string;
	    schema: number;
	    portfolios: string;
	    backups: string;
	    settings: string;
	
	    static createFrom(source: any = {}) {
	        return new About(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.version = source["version"];
	        this.schema = source["schema"];
	        this.portfolios = source["portfolios"];
	        this.backups = source["backups"];
	        this.settings = source["settings"];
	    }
	}
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
	export class IssueDTO {
	    field: string;
	    key: string;
	    params: Record<string, string>;
	    message: string;
	    full: string;
	
	    static createFrom(source: any = {}) {
	        return new IssueDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.field = source["field"];
	        this.key = source["key"];
	        this.params = source["params"];
	        this.message = source["message"];
	        this.full = source["full"];
	    }
	}
	export class ErrorDTO {
	    code: string;
	    message: string;
	    issues: IssueDTO[];
	
	    static createFrom(source: any = {}) {
	        return new ErrorDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.message = source["message"];
	        this.issues = this.convertValues(source["issues"], IssueDTO);
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
	export class ProblemDTO {
	    line: number;
	    column: string;
	    value: string;
	    class: string;
	    key: string;
	    params?: Record<string, string>;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new ProblemDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.line = source["line"];
	        this.column = source["column"];
	        this.value = source["value"];
	        this.class = source["class"];
	        this.key = source["key"];
	        this.params = source["params"];
	        this.message = source["message"];
	    }
	}
	export class PreviewRowDTO {
	    line: number;
	    clientId: number;
	    client: string;
	    taxId: string;
	    kind: string;
	    number: string;
	    issue: string;
	    due: string;
	    currency: string;
	    amount: number;
	    balance: number;
	    detail: string;
	    problems: ProblemDTO[];
	
	    static createFrom(source: any = {}) {
	        return new PreviewRowDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.line = source["line"];
	        this.clientId = source["clientId"];
	        this.client = source["client"];
	        this.taxId = source["taxId"];
	        this.kind = source["kind"];
	        this.number = source["number"];
	        this.issue = source["issue"];
	        this.due = source["due"];
	        this.currency = source["currency"];
	        this.amount = source["amount"];
	        this.balance = source["balance"];
	        this.detail = source["detail"];
	        this.problems = this.convertValues(source["problems"], ProblemDTO);
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
	export class ImportPreview {
	    info: tabular.Info;
	    header: string[];
	    columns: string[];
	    fields: importer.FieldSpec[];
	    format: importer.Format;
	    rows: PreviewRowDTO[];
	    mappingError?: ErrorDTO;
	    samples: string[][];
	    savedMapping: string;
	    currency: string;
	
	    static createFrom(source: any = {}) {
	        return new ImportPreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.info = this.convertValues(source["info"], tabular.Info);
	        this.header = source["header"];
	        this.columns = source["columns"];
	        this.fields = this.convertValues(source["fields"], importer.FieldSpec);
	        this.format = this.convertValues(source["format"], importer.Format);
	        this.rows = this.convertValues(source["rows"], PreviewRowDTO);
	        this.mappingError = this.convertValues(source["mappingError"], ErrorDTO);
	        this.samples = source["samples"];
	        this.savedMapping = source["savedMapping"];
	        this.currency = source["currency"];
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
	export class ImportRequest {
	    path: string;
	    target: string;
	    settings: tabular.Settings;
	    columns: string[];
	    format: importer.Format;
	    choices: importer.Choices;
	    mapping: string;
	
	    static createFrom(source: any = {}) {
	        return new ImportRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.target = source["target"];
	        this.settings = this.convertValues(source["settings"], tabular.Settings);
	        this.columns = source["columns"];
	        this.format = this.convertValues(source["format"], importer.Format);
	        this.choices = this.convertValues(source["choices"], importer.Choices);
	        this.mapping = source["mapping"];
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
	
	export class ProposalDocument {
	    documentId: number;
	    number: string;
	    dueDate: string;
	    open: number;
	    amount: number;
	
	    static createFrom(source: any = {}) {
	        return new ProposalDocument(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.documentId = source["documentId"];
	        this.number = source["number"];
	        this.dueDate = source["dueDate"];
	        this.open = source["open"];
	        this.amount = source["amount"];
	    }
	}
	export class ProposalView {
	    proposal: reconcile.Proposal;
	    clientName: string;
	    taxId: string;
	    documents: ProposalDocument[];
	    credits: ProposalDocument[];
	    reasons: string[];
	
	    static createFrom(source: any = {}) {
	        return new ProposalView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.proposal = this.convertValues(source["proposal"], reconcile.Proposal);
	        this.clientName = source["clientName"];
	        this.taxId = source["taxId"];
	        this.documents = this.convertValues(source["documents"], ProposalDocument);
	        this.credits = this.convertValues(source["credits"], ProposalDocument);
	        this.reasons = source["reasons"];
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
	export class LineView {
	    id: number;
	    accountId: number;
	    importId: number;
	    fileName: string;
	    row: number;
	    date: string;
	    amount: number;
	    currency: string;
	    description: string;
	    reference: string;
	    payer: string;
	    payerId: string;
	    category: string;
	    status: string;
	    suggestions: reconcile.Proposal[];
	    match?: sqlite.BankMatch;
	    proposals: ProposalView[];
	    reasons: string[];
	
	    static createFrom(source: any = {}) {
	        return new LineView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.accountId = source["accountId"];
	        this.importId = source["importId"];
	        this.fileName = source["fileName"];
	        this.row = source["row"];
	        this.date = source["date"];
	        this.amount = source["amount"];
	        this.currency = source["currency"];
	        this.description = source["description"];
	        this.reference = source["reference"];
	        this.payer = source["payer"];
	        this.payerId = source["payerId"];
	        this.category = source["category"];
	        this.status = source["status"];
	        this.suggestions = this.convertValues(source["suggestions"], reconcile.Proposal);
	        this.match = this.convertValues(source["match"], sqlite.BankMatch);
	        this.proposals = this.convertValues(source["proposals"], ProposalView);
	        this.reasons = source["reasons"];
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
	export class LinePage {
	    rows: LineView[];
	    total: number;
	    pending: number;
	    auto: number;
	    matched: number;
	    accounts: number;
	
	    static createFrom(source: any = {}) {
	        return new LinePage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rows = this.convertValues(source["rows"], LineView);
	        this.total = source["total"];
	        this.pending = source["pending"];
	        this.auto = source["auto"];
	        this.matched = source["matched"];
	        this.accounts = source["accounts"];
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
	export class RuleOffer {
	    rule: reconcile.Rule;
	    offer: boolean;
	
	    static createFrom(source: any = {}) {
	        return new RuleOffer(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rule = this.convertValues(source["rule"], reconcile.Rule);
	        this.offer = source["offer"];
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
	export class StatementRequest {
	    path: string;
	    accountId: number;
	    profile: string;
	
	    static createFrom(source: any = {}) {
	        return new StatementRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.accountId = source["accountId"];
	        this.profile = source["profile"];
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
	
	export class Change {
	    field: string;
	    type: string;
	    unit: string;
	    before?: string;
	    after: string;
	
	    static createFrom(source: any = {}) {
	        return new Change(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.field = source["field"];
	        this.type = source["type"];
	        this.unit = source["unit"];
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
	export class RecordRef {
	    kind: string;
	    number: string;
	    docKind: string;
	    name: string;
	    date: string;
	    amount: number;
	    currency: string;
	    reference: string;
	    clientId: number;
	    documentId: number;
	    paymentId: number;
	    creditNoteId: number;
	
	    static createFrom(source: any = {}) {
	        return new RecordRef(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.number = source["number"];
	        this.docKind = source["docKind"];
	        this.name = source["name"];
	        this.date = source["date"];
	        this.amount = source["amount"];
	        this.currency = source["currency"];
	        this.reference = source["reference"];
	        this.clientId = source["clientId"];
	        this.documentId = source["documentId"];
	        this.paymentId = source["paymentId"];
	        this.creditNoteId = source["creditNoteId"];
	    }
	}
	export class HistoryEntry {
	    id: number;
	    at: string;
	    user: string;
	    action: string;
	    entity: string;
	    entityId: number;
	    importId: number;
	    record: RecordRef;
	    changes: Change[];
	
	    static createFrom(source: any = {}) {
	        return new HistoryEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.at = source["at"];
	        this.user = source["user"];
	        this.action = source["action"];
	        this.entity = source["entity"];
	        this.entityId = source["entityId"];
	        this.importId = source["importId"];
	        this.record = this.convertValues(source["record"], RecordRef);
	        this.changes = this.convertValues(source["changes"], Change);
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

export namespace bankfile {
	
	export class Column {
	    role: string;
	    names?: string[];
	    index?: number;
	    optional?: boolean;
	    refSeparator?: string;
	
	    static createFrom(source: any = {}) {
	        return new Column(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.role = source["role"];
	        this.names = source["names"];
	        this.index = source["index"];
	        this.optional = source["optional"];
	        this.refSeparator = source["refSeparator"];
	    }
	}
	export class FixedField {
	    start: number;
	    width: number;
	    grow?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new FixedField(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.start = source["start"];
	        this.width = source["width"];
	        this.grow = source["grow"];
	    }
	}
	export class Mapping {
	    name: string;
	    bank: string;
	    headerLine: number;
	    roles: string[];
	    dateLayout: string;
	    decimal: string;
	
	    static createFrom(source: any = {}) {
	        return new Mapping(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.bank = source["bank"];
	        this.headerLine = source["headerLine"];
	        this.roles = source["roles"];
	        this.dateLayout = source["dateLayout"];
	        this.decimal = source["decimal"];
	    }
	}
	export class Number {
	    decimal?: string;
	    group?: string;
	    implied?: number;
	
	    static createFrom(source: any = {}) {
	        return new Number(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.decimal = source["decimal"];
	        this.group = source["group"];
	        this.implied = source["implied"];
	    }
	}
	export class Sign {
	    in: string[];
	    out: string[];
	
	    static createFrom(source: any = {}) {
	        return new Sign(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.in = source["in"];
	        this.out = source["out"];
	    }
	}
	export class RecordBalance {
	    type: string;
	    amount: number;
	    sign?: number;
	    date?: number;
	
	    static createFrom(source: any = {}) {
	        return new RecordBalance(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.type = source["type"];
	        this.amount = source["amount"];
	        this.sign = source["sign"];
	        this.date = source["date"];
	    }
	}
	export class Records {
	    column: number;
	    movement: string;
	    types: string[];
	    opening?: RecordBalance;
	    closing?: RecordBalance;
	    account?: number[];
	
	    static createFrom(source: any = {}) {
	        return new Records(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.column = source["column"];
	        this.movement = source["movement"];
	        this.types = source["types"];
	        this.opening = this.convertValues(source["opening"], RecordBalance);
	        this.closing = this.convertValues(source["closing"], RecordBalance);
	        this.account = source["account"];
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
	export class Profile {
	    name: string;
	    bank: string;
	    country: string;
	    currency?: string;
	    markers?: string[];
	    columns: Column[];
	    delimiter?: string;
	    skipRows?: number;
	    cells?: number;
	    fixed?: FixedField[];
	    records?: Records;
	    dates: string[];
	    number: Number;
	    sign?: Sign;
	    pseudoCodes?: string[];
	    stop?: string[];
	
	    static createFrom(source: any = {}) {
	        return new Profile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.bank = source["bank"];
	        this.country = source["country"];
	        this.currency = source["currency"];
	        this.markers = source["markers"];
	        this.columns = this.convertValues(source["columns"], Column);
	        this.delimiter = source["delimiter"];
	        this.skipRows = source["skipRows"];
	        this.cells = source["cells"];
	        this.fixed = this.convertValues(source["fixed"], FixedField);
	        this.records = this.convertValues(source["records"], Records);
	        this.dates = source["dates"];
	        this.number = this.convertValues(source["number"], Number);
	        this.sign = this.convertValues(source["sign"], Sign);
	        this.pseudoCodes = source["pseudoCodes"];
	        this.stop = source["stop"];
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
	
	
	export class SampleRow {
	    line: number;
	    cells: string[];
	
	    static createFrom(source: any = {}) {
	        return new SampleRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.line = source["line"];
	        this.cells = source["cells"];
	    }
	}
	export class Sample {
	    rows: SampleRow[];
	    headerLine: number;
	    roles: string[];
	    dates: string[];
	
	    static createFrom(source: any = {}) {
	        return new Sample(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rows = this.convertValues(source["rows"], SampleRow);
	        this.headerLine = source["headerLine"];
	        this.roles = source["roles"];
	        this.dates = source["dates"];
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

export namespace importer {
	
	export class Choices {
	    createClients: boolean;
	    skipInvalid: boolean;
	    acceptChanges: boolean;
	    acceptTaxIds: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Choices(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.createClients = source["createClients"];
	        this.skipInvalid = source["skipInvalid"];
	        this.acceptChanges = source["acceptChanges"];
	        this.acceptTaxIds = source["acceptTaxIds"];
	    }
	}
	export class FieldSpec {
	    field: string;
	    required: boolean;
	
	    static createFrom(source: any = {}) {
	        return new FieldSpec(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.field = source["field"];
	        this.required = source["required"];
	    }
	}
	export class Format {
	    dateOrder: string;
	    decimal: string;
	    cells: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Format(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.dateOrder = source["dateOrder"];
	        this.decimal = source["decimal"];
	        this.cells = source["cells"];
	    }
	}

}

export namespace money {
	
	export class Style {
	    Decimal: number;
	    Group: number;
	
	    static createFrom(source: any = {}) {
	        return new Style(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.Decimal = source["Decimal"];
	        this.Group = source["Group"];
	    }
	}

}

export namespace reconcile {
	
	export class Alloc {
	    documentId: number;
	    amount: number;
	
	    static createFrom(source: any = {}) {
	        return new Alloc(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.documentId = source["documentId"];
	        this.amount = source["amount"];
	    }
	}
	export class CreditUse {
	    creditNoteId: number;
	    documentId: number;
	    amount: number;
	
	    static createFrom(source: any = {}) {
	        return new CreditUse(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.creditNoteId = source["creditNoteId"];
	        this.documentId = source["documentId"];
	        this.amount = source["amount"];
	    }
	}
	export class Reason {
	    key: string;
	    params: Record<string, string>;
	
	    static createFrom(source: any = {}) {
	        return new Reason(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.params = source["params"];
	    }
	}
	export class Proposal {
	    clientId: number;
	    allocs: Alloc[];
	    credits: CreditUse[];
	    remainder: number;
	    confidence: number;
	    reasons: Reason[];
	
	    static createFrom(source: any = {}) {
	        return new Proposal(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.clientId = source["clientId"];
	        this.allocs = this.convertValues(source["allocs"], Alloc);
	        this.credits = this.convertValues(source["credits"], CreditUse);
	        this.remainder = source["remainder"];
	        this.confidence = source["confidence"];
	        this.reasons = this.convertValues(source["reasons"], Reason);
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
	
	export class Rule {
	    id: number;
	    kind: string;
	    pattern: string;
	    clientId: number;
	    note: string;
	    direction: number;
	
	    static createFrom(source: any = {}) {
	        return new Rule(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.pattern = source["pattern"];
	        this.clientId = source["clientId"];
	        this.note = source["note"];
	        this.direction = source["direction"];
	    }
	}

}

export namespace settings {
	
	export class Mapping {
	    name: string;
	    target: string;
	    signature: string;
	    columns: string[];
	    dateOrder: string;
	    decimal: string;
	    savedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Mapping(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.target = source["target"];
	        this.signature = source["signature"];
	        this.columns = source["columns"];
	        this.dateOrder = source["dateOrder"];
	        this.decimal = source["decimal"];
	        this.savedAt = source["savedAt"];
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
	export class AuditFilter {
	    entity: string;
	    entityId: number;
	    clientId: number;
	    kinds: string[];
	    from: string;
	    to: string;
	    offset: number;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new AuditFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.entity = source["entity"];
	        this.entityId = source["entityId"];
	        this.clientId = source["clientId"];
	        this.kinds = source["kinds"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.offset = source["offset"];
	        this.limit = source["limit"];
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
	export class BankAccount {
	    id: number;
	    bank: string;
	    number: string;
	    currency: string;
	    name: string;
	    createdAt: string;
	    archivedAt?: string;
	    lines: number;
	    pending: number;
	    lastDate: string;
	    lastBalance?: number;
	
	    static createFrom(source: any = {}) {
	        return new BankAccount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.bank = source["bank"];
	        this.number = source["number"];
	        this.currency = source["currency"];
	        this.name = source["name"];
	        this.createdAt = source["createdAt"];
	        this.archivedAt = source["archivedAt"];
	        this.lines = source["lines"];
	        this.pending = source["pending"];
	        this.lastDate = source["lastDate"];
	        this.lastBalance = source["lastBalance"];
	    }
	}
	export class Gap {
	    previousTo: string;
	    from: string;
	    balances: boolean;
	    previousClosing: number;
	    opening: number;
	    amount: number;
	    days: number;
	
	    static createFrom(source: any = {}) {
	        return new Gap(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.previousTo = source["previousTo"];
	        this.from = source["from"];
	        this.balances = source["balances"];
	        this.previousClosing = source["previousClosing"];
	        this.opening = source["opening"];
	        this.amount = source["amount"];
	        this.days = source["days"];
	    }
	}
	export class StatementSummary {
	    accountId: number;
	    account: string;
	    newAccount: boolean;
	    currency: string;
	    from: string;
	    to: string;
	    lines: number;
	    new: number;
	    duplicates: number;
	    opening?: number;
	    closing?: number;
	    check: string;
	    diff: number;
	    gap?: Gap;
	
	    static createFrom(source: any = {}) {
	        return new StatementSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.accountId = source["accountId"];
	        this.account = source["account"];
	        this.newAccount = source["newAccount"];
	        this.currency = source["currency"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.lines = source["lines"];
	        this.new = source["new"];
	        this.duplicates = source["duplicates"];
	        this.opening = source["opening"];
	        this.closing = source["closing"];
	        this.check = source["check"];
	        this.diff = source["diff"];
	        this.gap = this.convertValues(source["gap"], Gap);
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
	export class BankImportRecord {
	    id: number;
	    at: string;
	    user: string;
	    fileName: string;
	    fileHash: string;
	    format: string;
	    profile: string;
	    lines: number;
	    new: number;
	    matched: number;
	    statements: StatementSummary[];
	    undoneAt?: string;
	    undoneBy: string;
	
	    static createFrom(source: any = {}) {
	        return new BankImportRecord(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.at = source["at"];
	        this.user = source["user"];
	        this.fileName = source["fileName"];
	        this.fileHash = source["fileHash"];
	        this.format = source["format"];
	        this.profile = source["profile"];
	        this.lines = source["lines"];
	        this.new = source["new"];
	        this.matched = source["matched"];
	        this.statements = this.convertValues(source["statements"], StatementSummary);
	        this.undoneAt = source["undoneAt"];
	        this.undoneBy = source["undoneBy"];
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
	export class BankMatch {
	    id: number;
	    paymentId: number;
	    clientId: number;
	    clientName: string;
	    runId: number;
	    kind: string;
	    confidence: number;
	    reasons: reconcile.Reason[];
	    documents: string[];
	    at: string;
	    user: string;
	
	    static createFrom(source: any = {}) {
	        return new BankMatch(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.paymentId = source["paymentId"];
	        this.clientId = source["clientId"];
	        this.clientName = source["clientName"];
	        this.runId = source["runId"];
	        this.kind = source["kind"];
	        this.confidence = source["confidence"];
	        this.reasons = this.convertValues(source["reasons"], reconcile.Reason);
	        this.documents = source["documents"];
	        this.at = source["at"];
	        this.user = source["user"];
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
	export class BankLine {
	    id: number;
	    accountId: number;
	    importId: number;
	    fileName: string;
	    row: number;
	    date: string;
	    amount: number;
	    currency: string;
	    description: string;
	    reference: string;
	    payer: string;
	    payerId: string;
	    category: string;
	    status: string;
	    suggestions: reconcile.Proposal[];
	    match?: BankMatch;
	
	    static createFrom(source: any = {}) {
	        return new BankLine(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.accountId = source["accountId"];
	        this.importId = source["importId"];
	        this.fileName = source["fileName"];
	        this.row = source["row"];
	        this.date = source["date"];
	        this.amount = source["amount"];
	        this.currency = source["currency"];
	        this.description = source["description"];
	        this.reference = source["reference"];
	        this.payer = source["payer"];
	        this.payerId = source["payerId"];
	        this.category = source["category"];
	        this.status = source["status"];
	        this.suggestions = this.convertValues(source["suggestions"], reconcile.Proposal);
	        this.match = this.convertValues(source["match"], BankMatch);
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
	export class BankLineFilter {
	    accountId: number;
	    importId: number;
	    status: string;
	    search: string;
	    offset: number;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new BankLineFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.accountId = source["accountId"];
	        this.importId = source["importId"];
	        this.status = source["status"];
	        this.search = source["search"];
	        this.offset = source["offset"];
	        this.limit = source["limit"];
	    }
	}
	
	export class BankRule {
	    id: number;
	    kind: string;
	    pattern: string;
	    clientId: number;
	    note: string;
	    direction: number;
	    clientName: string;
	    builtin: boolean;
	    uses: number;
	
	    static createFrom(source: any = {}) {
	        return new BankRule(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.pattern = source["pattern"];
	        this.clientId = source["clientId"];
	        this.note = source["note"];
	        this.direction = source["direction"];
	        this.clientName = source["clientName"];
	        this.builtin = source["builtin"];
	        this.uses = source["uses"];
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
	    credit: number;
	    balance: number;
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
	        this.credit = source["credit"];
	        this.balance = source["balance"];
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
	
	export class ClientSummary {
	    client: ar.Client;
	    balances: ar.CurrencyBalance[];
	    creditUsed: number;
	
	    static createFrom(source: any = {}) {
	        return new ClientSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.client = this.convertValues(source["client"], ar.Client);
	        this.balances = this.convertValues(source["balances"], ar.CurrencyBalance);
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
	
	
	export class HistoryPage {
	    rows: ar.HistoryEntry[];
	    more: boolean;
	
	    static createFrom(source: any = {}) {
	        return new HistoryPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rows = this.convertValues(source["rows"], ar.HistoryEntry);
	        this.more = source["more"];
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
	export class ImportCounts {
	    rows: number;
	    created: number;
	    unchanged: number;
	    updated: number;
	    skipped: number;
	    clientsCreated: number;
	    payments: number;
	
	    static createFrom(source: any = {}) {
	        return new ImportCounts(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rows = source["rows"];
	        this.created = source["created"];
	        this.unchanged = source["unchanged"];
	        this.updated = source["updated"];
	        this.skipped = source["skipped"];
	        this.clientsCreated = source["clientsCreated"];
	        this.payments = source["payments"];
	    }
	}
	export class ImportRecord {
	    id: number;
	    at: string;
	    user: string;
	    target: string;
	    fileName: string;
	    fileHash: string;
	    fileSize: number;
	    counts: ImportCounts;
	    undoneAt?: string;
	    undoneBy: string;
	
	    static createFrom(source: any = {}) {
	        return new ImportRecord(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.at = source["at"];
	        this.user = source["user"];
	        this.target = source["target"];
	        this.fileName = source["fileName"];
	        this.fileHash = source["fileHash"];
	        this.fileSize = source["fileSize"];
	        this.counts = this.convertValues(source["counts"], ImportCounts);
	        this.undoneAt = source["undoneAt"];
	        this.undoneBy = source["undoneBy"];
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
	    status: string;
	    available: number;
	    reversedBy: string;
	    allocations: AllocationLine[];
	
	    static createFrom(source: any = {}) {
	        return new PaymentDetail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.payment = this.convertValues(source["payment"], ar.Payment);
	        this.clientName = source["clientName"];
	        this.status = source["status"];
	        this.available = source["available"];
	        this.reversedBy = source["reversedBy"];
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
	    status: string;
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
	        this.status = source["status"];
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
	    status: string;
	    available: number;
	
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
	        this.status = source["status"];
	        this.available = source["available"];
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
	
	export class RunRecord {
	    id: number;
	    at: string;
	    user: string;
	    lines: number;
	    auto: number;
	    live: number;
	    undoneAt?: string;
	
	    static createFrom(source: any = {}) {
	        return new RunRecord(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.at = source["at"];
	        this.user = source["user"];
	        this.lines = source["lines"];
	        this.auto = source["auto"];
	        this.live = source["live"];
	        this.undoneAt = source["undoneAt"];
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

export namespace tabular {
	
	export class Settings {
	    format: string;
	    sheet: string;
	    encoding: string;
	    delimiter: string;
	    headerRow: number;
	
	    static createFrom(source: any = {}) {
	        return new Settings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.format = source["format"];
	        this.sheet = source["sheet"];
	        this.encoding = source["encoding"];
	        this.delimiter = source["delimiter"];
	        this.headerRow = source["headerRow"];
	    }
	}
	export class Info {
	    settings: Settings;
	    sheets: string[];
	    size: number;
	    date1904?: boolean;
	    bomOver1252?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Info(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.settings = this.convertValues(source["settings"], Settings);
	        this.sheets = source["sheets"];
	        this.size = source["size"];
	        this.date1904 = source["date1904"];
	        this.bomOver1252 = source["bomOver1252"];
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

}

