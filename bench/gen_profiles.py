#!/usr/bin/env python3
"""Write N realistic candidate profiles as JSON Lines on stdout.

A mix of native records (2 of 3) and JSON Resume records (1 of 3), about 700 bytes each, with
skills drawn from a realistic list written the way people write them (aliases, case variants).
Deterministic for a given seed.

    python3 bench/gen_profiles.py 1000000 > /tmp/big.jsonl
    python3 bench/gen_profiles.py 1000 --seed 7 > small.jsonl
"""

import argparse
import json
import random
import sys

SKILLS = [
    ["Python", "python", "Python 3"], ["Java", "java", "Java 17"], ["JavaScript", "JS", "javascript"],
    ["TypeScript", "TS", "typescript"], ["Go", "Golang", "golang"], ["Rust", "rust"], ["C", "C"],
    ["C++", "c++", "CPP"], ["C#", "c#"], ["Ruby", "ruby"], ["PHP", "php"], ["Kotlin", "kotlin"],
    ["Swift", "swift"], ["SQL", "sql"], ["PostgreSQL", "Postgres", "postgresql"], ["MySQL", "mysql"],
    ["MongoDB", "Mongo"], ["Redis", "redis"], ["Kafka", "Apache Kafka"], ["Docker", "docker"],
    ["Kubernetes", "k8s", "K8s"], ["Terraform", "terraform"], ["AWS", "Amazon Web Services", "aws"],
    ["GCP", "Google Cloud"], ["Azure", "Microsoft Azure"], ["Linux", "linux", "GNU/Linux"],
    ["Git", "git", "GitHub"], ["REST APIs", "REST", "RESTful APIs"], ["GraphQL", "graphql"],
    ["React", "React.js", "ReactJS"], ["Angular", "angular"], ["Vue", "Vue.js"], ["Node.js", "Node", "nodejs"],
    ["Django", "django"], ["Flask", "flask"], ["Spring Boot", "Spring", "spring boot"],
    ["Rails", "Ruby on Rails"], ["Agile", "Scrum", "Agile/Scrum"], ["Jira", "JIRA"],
    ["Excel", "MS Excel", "Microsoft Excel"], ["Tableau", "tableau"], ["Power BI", "PowerBI"],
    ["Salesforce", "SFDC"], ["HubSpot", "Hubspot"], ["QuickBooks", "Quickbooks"],
    ["US GAAP", "GAAP"], ["Prometheus", "prometheus"], ["Grafana", "grafana"],
    ["Machine learning", "ML"], ["PyTorch", "pytorch"], ["TensorFlow", "tensorflow"],
    ["Pandas", "pandas"], ["Spark", "PySpark", "Apache Spark"], ["dbt", "DBT"],
    ["Figma", "figma"], ["CPR", "BLS"], ["Epic EHR", "Epic"], ["Operating systems", "OS internals"],
    ["Device drivers", "device driver"], ["Linux kernel", "kernel"], ["Embedded C", "Embedded"],
    ["Communication", "communication skills"], ["Leadership", "team leadership"],
    ["Negotiation", "negotiation"], ["Project management", "PMP"], ["Customer service", "Support"],
    ["Photoshop", "Adobe Photoshop"], ["Selenium", "selenium"], ["Jenkins", "jenkins"],
    ["GitHub Actions", "GH Actions"], ["Bash", "bash", "shell scripting"],
]
LEVELS = ["basic", "working", "advanced", "expert", "Beginner", "Intermediate", "Advanced", None]
RESUME_LEVELS = ["Beginner", "Intermediate", "Advanced", "Expert", "Master", "80", "7 years", ""]
FIRST = ["Lena", "Marcus", "Ines", "Kwame", "Sara", "Jun", "Li", "Fatima", "Diego", "Anna", "Ravi",
         "Olivia", "Ben", "Chloé", "Tomasz", "Mei", "Sam", "Nadia", "Yusuf", "Priscilla", "Aiko", "Omar"]
LAST = ["Fischer", "Bell", "Carvalho", "Asante", "Lindgren", "Park", "Wei", "Noor", "Ramírez",
        "Kowalska", "Menon", "Brown", "Okafor", "Dubois", "Nowak", "Chen", "Taylor", "Haddad"]
TITLES = ["Backend Engineer", "Data Analyst", "Site Reliability Engineer", "Frontend Developer",
          "Staff Accountant", "Registered Nurse", "Account Executive", "QA Engineer",
          "Machine Learning Engineer", "Platform Engineer", "Support Specialist", "Intern"]
COMPANIES = ["Acme", "Initech", "Globex", "Umbrella", "Hooli", "Vandelay", "Stark Industries",
             "Wayne Enterprises", "Tyrell", "Soylent", "Cyberdyne", "Aperture"]
DEGREES = [("bachelor", "Bachelor of Science"), ("master", "Master of Science"), ("phd", "PhD"),
           ("associate", "Associate"), ("high_school", "High School")]
FIELDS = ["Computer Science", "Mathematics", "Nursing", "Accounting", "Business", "Physics"]


def spell(rng, skill):
    return rng.choice(skill)


def native(rng, i):
    skills = rng.sample(SKILLS, rng.randint(5, 10))
    rec = {
        "id": f"cand-{i}",
        "name": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        "years_experience": rng.choice([0.5, 1, 2, 3, 4, 5, 6, 8, 10, 12, 15]),
        "summary": f"{rng.choice(TITLES)} at {rng.choice(COMPANIES)}; day to day "
                   f"{spell(rng, skills[0])} and {spell(rng, skills[1])}, some {spell(rng, skills[2])}. "
                   f"Previously {rng.choice(TITLES)} at {rng.choice(COMPANIES)} working on internal tools.",
        "skills": [],
    }
    for s in skills:
        entry = {"name": spell(rng, s)}
        level = rng.choice(LEVELS)
        if level:
            entry["level"] = level
        if rng.random() < 0.6:
            entry["years"] = rng.randint(1, 12)
        rec["skills"].append(entry)
    if rng.random() < 0.8:
        level, _ = rng.choice(DEGREES)
        rec["education"] = [{"level": level, "field": rng.choice(FIELDS)}]
    return rec


def resume(rng, i):
    skills = rng.sample(SKILLS, rng.randint(4, 8))
    start = rng.randint(2005, 2021)
    work = []
    for k in range(rng.randint(1, 2)):
        end = min(start + rng.randint(1, 5), 2025)
        work.append({
            "name": rng.choice(COMPANIES),
            "position": rng.choice(TITLES),
            "startDate": f"{start}-{rng.randint(1, 12):02d}",
            "endDate": "Present" if k == 1 and rng.random() < 0.5 else f"{end}",
            "highlights": [f"Shipped features in {spell(rng, skills[k])} with {spell(rng, skills[k + 2])}"],
        })
        start = end
    _, study = rng.choice(DEGREES)
    return {
        "id": f"cand-{i}",
        "basics": {"name": f"{rng.choice(FIRST)} {rng.choice(LAST)}", "label": rng.choice(TITLES),
                   "email": f"cand{i}@example.com"},
        "work": work,
        "education": [{"institution": "State University", "studyType": study, "area": rng.choice(FIELDS)}],
        "skills": [{"name": spell(rng, s), "level": rng.choice(RESUME_LEVELS),
                    "keywords": [spell(rng, rng.choice(SKILLS))]} for s in skills[:4]],
        "languages": [{"language": rng.choice(["English", "Spanish", "German"]), "fluency": "Fluent"}],
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("count", type=int)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    out = sys.stdout
    write = out.write
    try:
        for i in range(1, args.count + 1):
            rec = resume(rng, i) if i % 3 == 0 else native(rng, i)
            write(json.dumps(rec, ensure_ascii=False, separators=(",", ":")))
            write("\n")
        out.flush()
    except BrokenPipeError:
        sys.stderr.close()


if __name__ == "__main__":
    main()
