//! The boundary table: tricky skill names in prose, each with the cases where it must be found
//! and the cases where it must not. Case by case, a failure names the text and the skill.

use jobmatch::skill::{Extractor, Taxonomy};

/// (text, skill id, whether the skill is found in the text)
#[rustfmt::skip]
const CASES: &[(&str, &str, bool)] = &[
    // C: a letter that is also a grade, a section, a prefix.
    ("Must know one or more of C++, C, Java", "c", true),
    ("C, C++ and Java", "c", true),
    ("Strong C programming skills", "c", true),
    ("Experience with C and Python", "c", true),
    ("written in C", "c", true),
    ("C", "c", true),
    ("You will report to C-level executives", "c", false),
    ("Container technologies", "c", false),
    ("Please send your C.V. to us", "c", false),
    ("See Section C of the form", "c", false),
    ("A grade C or better in mathematics", "c", false),
    ("Vitamin C supplements are provided", "c", false),
    ("Plan B and plan C", "c", false),
    // C++ and C# and F#: symbols are part of the name.
    ("C++, C, Java", "cpp", true),
    ("modern C++17 and templates", "cpp", true),
    ("cpp developers", "cpp", true),
    ("C, Java and Python", "cpp", false),
    ("C# and .NET Core", "csharp", true),
    ("C#", "csharp", true),
    ("C and Java", "csharp", false),
    ("F# or OCaml", "fsharp", true),
    ("F and G grades", "fsharp", false),
    // .NET, Node.js: dots inside and before a name.
    ("C# and .NET Core", "dotnet", true),
    ("ASP.NET MVC", "aspnet", true),
    ("We build the internet.", "dotnet", false),
    ("Node.js services", "nodejs", true),
    ("NodeJS and Express", "nodejs", true),
    ("nodes of the graph", "nodejs", false),
    // Slashes.
    ("CI/CD pipelines", "ci-cd", true),
    ("continuous integration", "ci-cd", false),
    ("TCP/IP networking", "tcp-ip", true),
    ("intellectual property (IP) rights", "tcp-ip", false),
    ("UI/UX design", "ux-design", true),
    ("A/B testing of the funnel", "ab-testing", true),
    ("A and B", "ab-testing", false),
    // Go: a verb, a product, a prefix.
    ("Go, Rust or Python", "go", true),
    ("Experience with Go", "go", true),
    ("Golang microservices", "go", true),
    ("golang", "go", true),
    ("Go experience is a plus", "go", true),
    ("Go", "go", true),
    ("our go-to-market strategy", "go", false),
    ("we go live in March", "go", false),
    ("Ready, set, Go!", "go", false),
    ("Let's go!", "go", false),
    ("a place to go for answers", "go", false),
    ("Go to the website to apply", "go", false),
    // R: only as a language.
    ("Python or R", "r", true),
    ("Python, R and SQL", "r", true),
    ("statistical programming in R", "r", true),
    ("R programming", "r", true),
    ("Mr. R. Smith will call you", "r", false),
    ("R&D department", "r", false),
    ("Toys R Us", "r", false),
    ("Section R applies", "r", false),
    // Java is not inside JavaScript, and JavaScript has its short forms.
    ("JavaScript and TypeScript", "java", false),
    ("Java and JavaScript", "java", true),
    ("Java 17", "java", true),
    ("Javanese coffee", "java", false),
    ("JavaScript and TypeScript", "javascript", true),
    ("JS and CSS", "javascript", true),
    ("ECMAScript 6", "javascript", true),
    ("Java only", "javascript", false),
    // Words that are also English.
    ("Swift and Objective-C", "swift", true),
    ("iOS development in Swift", "swift", true),
    ("a swift response to customers", "swift", false),
    ("Swift", "swift", true),
    ("Rust or Go", "rust", true),
    ("Experience with Rust", "rust", true),
    ("remove rust from the pipes", "rust", false),
    ("Java and Spring", "spring", true),
    ("Spring Boot microservices", "spring-boot", true),
    ("starting in spring", "spring", false),
    ("Chef, Puppet or Ansible", "chef", true),
    ("a sous chef in our kitchen", "chef", false),
    ("Chef, Puppet or Ansible", "puppet", true),
    ("puppet shows for kids", "puppet", false),
    ("Chef, Puppet or Ansible", "ansible", true),
    ("Ansible playbooks", "ansible", true),
    ("Advanced Excel skills", "excel", true),
    ("Microsoft Excel and Word", "excel", true),
    ("MS Excel", "excel", true),
    ("Excel, SQL and Tableau", "excel", true),
    ("you will excel in a fast-paced team", "excel", false),
    ("Microsoft Word and Excel", "microsoft-word", true),
    ("in other words", "microsoft-word", false),
    ("give us your word", "microsoft-word", false),
    ("Make, CMake and Bazel", "make", true),
    ("make an impact", "make", false),
    ("Less and Sass", "less-css", true),
    ("less than two years", "less-css", false),
    ("Less and Sass", "sass", true),
    ("Sass or Less stylesheets", "sass", true),
    ("Dart and Flutter", "dart", true),
    ("a dart board in the office", "dart", false),
    ("Julia, Python and R", "julia", true),
    ("ask Julia in HR", "julia", false),
    ("Elm or Haskell", "elm", true),
    ("an elm tree", "elm", false),
    ("Node.js and Express", "express", true),
    ("express your ideas clearly", "express", false),
    ("Flask or Django", "flask", true),
    ("a thermos flask", "flask", false),
    ("Salt, Puppet or Chef", "saltstack", true),
    ("a pinch of salt", "saltstack", false),
    // Hyphenation and spacing.
    ("back-end development", "backend-development", true),
    ("backend services", "backend-development", true),
    ("back end engineering", "backend-development", true),
    ("front-end development", "frontend-development", true),
    ("frontend frameworks", "frontend-development", true),
    ("front end work", "frontend-development", true),
    ("full-stack engineer", "full-stack-development", true),
    ("fullstack developer", "full-stack-development", true),
    ("the back of the building", "backend-development", false),
    // Aliases and spellings.
    ("Postgres and Redis", "postgresql", true),
    ("PostgreSQL 15", "postgresql", true),
    ("postgres", "postgresql", true),
    ("k8s clusters", "kubernetes", true),
    ("Kubernetes operators", "kubernetes", true),
    ("K8S", "kubernetes", true),
    ("Golang and k8s", "kubernetes", true),
    ("Amazon Web Services", "aws", true),
    ("AWS Lambda", "aws-lambda", true),
    ("Google Cloud Platform", "gcp", true),
    ("Microsoft Azure", "azure", true),
    ("machine learning models", "machine-learning", true),
    ("Machine-Learning pipelines", "machine-learning", true),
    ("ML engineers", "machine-learning", true),
    ("natural language processing", "nlp", true),
    // Plurals and possessives.
    ("Create APIs", "apis", true),
    ("an API gateway", "apis", true),
    ("Application Programming Interfaces", "apis", true),
    ("containerization with Docker", "containers", true),
    ("container technologies", "containers", true),
    ("Python's ecosystem", "python", true),
    ("Kubernetes' scheduler", "kubernetes", true),
    ("databases such as MySQL", "mysql", true),
    ("relational databases", "relational-databases", true),
    ("device drivers", "device-drivers", true),
    ("microservices", "microservices", true),
    // Case where case matters.
    ("5 years in IT", "information-technology", true),
    ("it is important", "information-technology", false),
    ("It works", "information-technology", false),
    ("AI and machine learning", "ai", true),
    ("artificial intelligence", "ai", true),
    ("said ai", "ai", false),
    ("Go and Rust", "go", true),
    ("GO TEAM GO", "go", false),
    // Soft skills are skills too (reported, never scored).
    ("strong communication skills", "communication", true),
    ("problem solving", "problem-solving", true),
    ("teamwork and collaboration", "collaboration", true),
    // Spoken languages.
    ("Fluent in Spanish", "spanish", true),
    ("Spanish speaker", "spanish", true),
    ("English and German", "german", true),
    ("German shepherd dogs", "german", false),
    ("Good German and English", "german", true),
    ("business English", "english", true),
    // Non-software skills.
    ("BLS and ACLS certification", "bls", true),
    ("phlebotomy", "phlebotomy", true),
    ("US GAAP", "gaap", true),
    ("account reconciliations", "reconciliation", true),
    ("Salesforce CRM", "salesforce", true),
    ("patient care", "patient-care", true),
    ("project management", "project-management", true),
    ("Agile and Scrum", "scrum", true),
    ("Scrum", "agile", false),
    ("test-driven development", "tdd", true),
    ("TDD", "tdd", true),
];

#[test]
fn boundary_table() {
    let taxonomy = Taxonomy::embedded();
    let extractor = Extractor::new(&taxonomy);
    let mut failures = Vec::new();
    for &(text, id, expected) in CASES {
        assert!(
            taxonomy.by_id(id).is_some(),
            "the table names {id:?}, which the taxonomy does not have"
        );
        let found: Vec<String> = extractor
            .find(text)
            .iter()
            .map(|m| taxonomy.skill(m.skill).id.to_string())
            .collect();
        if found.iter().any(|f| f == id) != expected {
            failures.push(format!(
                "{text:?}: {id} {} (found {found:?})",
                if expected { "missed" } else { "wrongly found" }
            ));
        }
    }
    assert!(CASES.len() >= 150, "the table keeps at least 150 cases");
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}
