// IDL001, IDL006 and IDL007 over the whole catalog: every value every type's specification lists,
// at the first and last api-version of each run, is accepted as written; the other spacing of a
// combined value and another case are IDL007 (with the specification's spelling), unless
// rules/identity-evidence.json records what the service does with them.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/lint.h"
#include "rules/catalog.h"
#include "rules/rule.h"

using namespace idlint;

namespace {

std::string arm(const std::string& type, std::string_view api, const std::string& identity_type) {
  return R"({"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "resources": [{"type": ")" +
         type + R"(", "apiVersion": ")" + std::string(api) + R"(", "name": "r",
    "identity": {"type": ")" +
         identity_type + R"("}}]})";
}

// The findings of IDL001, IDL006 and IDL007 as "IDL007 message".
std::vector<std::string> judged(const std::string& type, std::string_view api, const std::string& value) {
  RuleSelection rules;
  rules.rules = {find_rule("IDL001"), find_rule("IDL006"), find_rule("IDL007")};
  const FileResult r = lint_text("t.json", arm(type, api, value), true, rules);
  std::vector<std::string> out;
  for (const ResolvedFinding& f : r.findings) out.push_back(std::string(f.rule->id) + " " + f.message);
  return out;
}

// The same value spelled otherwise: the comma's space toggled, or (without a comma) lower case.
std::string respelled(const std::string& value) {
  if (const size_t comma = value.find(','); comma != std::string::npos) {
    std::string first = value.substr(0, comma);
    std::string rest = value.substr(comma + 1);
    while (!rest.empty() && rest.front() == ' ') rest.erase(0, 1);
    return first + (value[comma + 1] == ' ' ? "," : ", ") + rest;
  }
  std::string lower = value;
  for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return lower;
}

}  // namespace

TEST_CASE("every value of every type's specification is accepted as written, and spelled otherwise is IDL007") {
  const IdentityCatalog& catalog = IdentityCatalog::builtin();
  size_t judged_values = 0;
  size_t spelling_findings = 0;
  size_t by_evidence = 0;
  for (const CatalogType& t : catalog.types()) {
    for (const CatalogVersion& run : t.versions) {
      if (run.any_string || run.no_identity) continue;
      for (std::string_view api : {run.first(), run.last()}) {
        for (const std::string& value : run.identity_types) {
          CAPTURE(t.name);
          CAPTURE(api);
          CAPTURE(value);
          ++judged_values;
          const IdentityTypeEvidence* evidence = catalog.type_evidence(t.name, api, value);
          const std::vector<std::string> as_written = judged(t.name, api, value);
          if (evidence && evidence->outcome != IdentityTypeEvidence::Outcome::Accepted) {
            // A value the specification lists that the service is known to reject or misread.
            REQUIRE(as_written.size() == 1);
            CHECK(as_written[0].rfind(evidence->error ? "IDL001 " : "IDL006 ", 0) == 0);
            CHECK(as_written[0].find(evidence->statement) != std::string::npos);
            ++by_evidence;
          } else {
            CHECK(as_written.empty());
          }
          const std::string other = respelled(value);
          if (other == value) continue;
          CAPTURE(other);
          const IdentityTypeEvidence* other_evidence = catalog.type_evidence(t.name, api, other);
          const std::vector<std::string> findings = judged(t.name, api, other);
          if (other_evidence) {
            // Accepted: nothing; rejected or misread: IDL001 or IDL006 with the evidence, not IDL007.
            if (other_evidence->outcome == IdentityTypeEvidence::Outcome::Accepted) {
              CHECK(findings.empty());
            } else {
              REQUIRE(findings.size() == 1);
              CHECK(findings[0].find(other_evidence->statement) != std::string::npos);
            }
            ++by_evidence;
            continue;
          }
          bool listed = false;  // both spellings listed at this api-version (a few types list both)
          for (const std::string& v : run.identity_types) listed = listed || v == other;
          if (listed) {
            CHECK(findings.empty());
            continue;
          }
          REQUIRE(findings.size() == 1);
          CHECK(findings[0] == "IDL007 '" + other + "' is spelled '" + value + "' by the specification of " + t.name +
                                   "@" + std::string(api));
          ++spelling_findings;
        }
      }
    }
  }
  // The whole catalog was walked, not a part of it.
  CHECK(judged_values > 2000);
  CHECK(spelling_findings > 1500);
  CHECK(by_evidence > 10);
  MESSAGE(judged_values << " values judged, " << spelling_findings << " respelled values IDL007, " << by_evidence
                        << " decided by evidence");
}
