// Messages as a user reads them (README "Reading a finding"): the statement with the parameter
// values that matter, the remedy on a help line of its own, a note at each parameter named, and
// values in the file's own terms. Each case asserts the whole text of a finding, in both formats.
#include <doctest/doctest.h>

#include <string>

#include "support.h"

using namespace idlint::test;

namespace {

const std::string kTestdata = std::string(IDLINT_SOURCE_DIR) + "/testdata";

// The text report of one fixture (compared with base, a fixture beside it, when given), without the
// source lines and markers under each location.
std::string findings_of(const std::string& fixture, const std::string& base = {}) {
  std::vector<std::string> args = {"--color", "never", "-q", kTestdata + "/" + fixture};
  if (!base.empty()) args.insert(args.end(), {"--base-file", kTestdata + "/" + base});
  const RunResult r = run_idlint(args, kTestdata);
  CHECK(r.exit_code == 1);
  std::string out;
  size_t start = 0;
  while (start < r.out.size()) {
    const size_t end = r.out.find('\n', start);
    const std::string line = r.out.substr(start, end - start);
    if (line.find(" | ") == std::string::npos) out += line + "\n";
    if (end == std::string::npos) break;
    start = end + 1;
  }
  // Paths as the tests name them.
  for (size_t at = out.find(kTestdata + "/"); at != std::string::npos; at = out.find(kTestdata + "/")) {
    out.erase(at, kTestdata.size() + 1);
  }
  return out;
}

}  // namespace

TEST_CASE("a parameter at its default is named as keeping it, with a note at the default") {
  CHECK(findings_of("IDL011/bad-geo-backup-keeps-default-enabled.bicep") ==
        "IDL011/bad-geo-backup-keeps-default-enabled.bicep:35:13: error: geo-redundant backup with a customer-managed "
        "key is missing 'geoBackupKeyURI' and 'geoBackupUserAssignedIdentityId' (when parameter 'geoRedundantBackup' "
        "keeps its default 'Enabled') [IDL011 cmk-settings-incomplete]\n"
        "  = help: set 'geoBackupKeyURI' to a key in a vault in the paired region; 'geoBackupUserAssignedIdentityId' to "
        "a second user-assigned identity that reads that key\n"
        "IDL011/bad-geo-backup-keeps-default-enabled.bicep:7:35: note: the default value of parameter "
        "'geoRedundantBackup'\n");
  CHECK(findings_of("IDL011/bad-geo-backup-keeps-default-enabled.json") ==
        "IDL011/bad-geo-backup-keeps-default-enabled.json:35:19: error: geo-redundant backup with a customer-managed "
        "key is missing 'geoBackupKeyURI' and 'geoBackupUserAssignedIdentityId' (when parameter 'geoRedundantBackup' "
        "keeps its default 'Enabled') [IDL011 cmk-settings-incomplete]\n"
        "  = help: set 'geoBackupKeyURI' to a key in a vault in the paired region; 'geoBackupUserAssignedIdentityId' to "
        "a second user-assigned identity that reads that key\n"
        "IDL011/bad-geo-backup-keeps-default-enabled.json:10:23: note: the default value of parameter "
        "'geoRedundantBackup'\n");
}

TEST_CASE("a value set to null under a condition names the condition's parameter") {
  CHECK(findings_of("IDL002/bad-null-when-condition-false.bicep") ==
        "IDL002/bad-null-when-condition-false.bicep:18:72: error: identity type 'UserAssigned' includes UserAssigned, "
        "but 'userAssignedIdentities' is null (when parameter 'attachIdentity' is false) [IDL002 "
        "user-identities-missing]\n"
        "  = help: list the user-assigned identities there, or remove UserAssigned from the type\n"
        "IDL002/bad-null-when-condition-false.bicep:3:7: note: bool parameter 'attachIdentity' (true and false are both "
        "checked)\n");
  CHECK(findings_of("IDL002/bad-null-when-condition-false.json") ==
        "IDL002/bad-null-when-condition-false.json:23:126: error: identity type 'UserAssigned' includes UserAssigned, "
        "but 'userAssignedIdentities' is null (when parameter 'attachIdentity' is false) [IDL002 "
        "user-identities-missing]\n"
        "  = help: list the user-assigned identities there, or remove UserAssigned from the type\n"
        "IDL002/bad-null-when-condition-false.json:7:5: note: bool parameter 'attachIdentity' (true and false are both "
        "checked)\n");
}

TEST_CASE("a parameter whose value does not change the outcome is not named") {
  for (const char* ext : {"bicep", "json"}) {
    CAPTURE(ext);
    const std::string out = findings_of(std::string("IDL010/bad-name-parameter-does-not-matter.") + ext);
    CHECK(out.find("error: 'primaryUserAssignedIdentityId' is identity 'uami-claims-dev-cmk', which is not assigned "
                   "to the server [IDL010 cmk-identity-not-assigned]\n"
                   "  = help: add it to identity.userAssignedIdentities\n") != std::string::npos);
    CHECK(out.find("environment") == std::string::npos);
  }
}

TEST_CASE("a Bicep file's values are shown as written there; JSON's identity IDs by name") {
  CHECK(findings_of("IDL010/bad-bicep-symbolic-identity-other.bicep")
            .find("error: 'primaryUserAssignedIdentityId' is cmkIdentity.id, which is not assigned to the server "
                  "[IDL010 cmk-identity-not-assigned]\n") != std::string::npos);
  const std::string unknown = findings_of("IDL012/bad-bicep-unknown-name-shown-as-written.bicep");
  CHECK(unknown.find("error: 'geoBackupUserAssignedIdentityId' is resourceId('Microsoft.ManagedIdentity/"
                     "userAssignedIdentities', '${prefix}-id'), also the primary key's identity [IDL012 "
                     "cmk-geo-identity-shared]\n") != std::string::npos);
  CHECK(unknown.find('?') == std::string::npos);
  // A name not known in ARM JSON: the parameter it is, in ARM's syntax.
  CHECK(findings_of("IDL012/bad-same-parameter-no-default.json")
            .find("error: 'geoBackupUserAssignedIdentityId' is identity parameters('cmkIdentityName'), also the "
                  "primary key's identity") != std::string::npos);
  CHECK(findings_of("IDL012/bad-same-parameter-no-default.bicep")
            .find("error: 'geoBackupUserAssignedIdentityId' is resourceId('Microsoft.ManagedIdentity/"
                  "userAssignedIdentities', cmkIdentityName), also the primary key's identity") != std::string::npos);
}

TEST_CASE("a parameter contract names its parameters, with a note at each") {
  const std::string out = findings_of("IDL002/bad-contract-empty-default-name.bicep");
  CHECK(out.find("warning: identity type 'UserAssigned' includes UserAssigned, but 'userAssignedIdentities' is null "
                 "(when parameter 'identityType' is 'UserAssigned' and 'identityName' is not given) [IDL002 "
                 "user-identities-missing]\n"
                 "  = help: list the user-assigned identities there, or remove UserAssigned from the type\n"
                 "IDL002/bad-contract-empty-default-name.bicep:10:29: note: parameter 'identityName' is not given: its "
                 "default is empty\n"
                 "IDL002/bad-contract-empty-default-name.bicep:7:3: note: an allowed value of parameter "
                 "'identityType'\n") != std::string::npos);
}

TEST_CASE("a transition finding says what changes and what to keep, the remedy on its own line") {
  CHECK(findings_of("IDL023/bad-cmk-added.bicep", "IDL023/bad-cmk-added.base.bicep") ==
        "IDL023/bad-cmk-added.bicep:31:13: error: customer-managed key encryption is added to a server that has "
        "'SystemManaged' at IDL023/bad-cmk-added.base.bicep, but the encryption mode is fixed when a server is created "
        "[IDL023 data-encryption-mode-changed]\n"
        "  = help: keep 'SystemManaged' (or create a new server)\n"
        "IDL023/bad-cmk-added.base.bicep:23:15: note: the base version (IDL023/bad-cmk-added.base.bicep): "
        "'SystemManaged'\n");
  const std::string out = findings_of("IDL021/bad-cmk-none.json", "IDL021/bad-cmk-none.base.json");
  CHECK(out.find("error: identity.type changes from 'SystemAssigned,UserAssigned' (at IDL021/bad-cmk-none.base.json) "
                 "to 'None', but a server with a customer-managed key cannot disable its system-assigned identity "
                 "[IDL021 system-identity-disabled-with-cmk]\n"
                 "  = help: keep the system-assigned identity in identity.type\n") != std::string::npos);
}

TEST_CASE("an identity type with a part that is no identity kind: the near spelling, spaces as written") {
  for (const char* ext : {"bicep", "json"}) {
    CAPTURE(ext);
    const std::string out = findings_of(std::string("IDL001/bad-any-type-unknown-token.") + ext);
    CHECK(out.find("error: 'SystemAsigned' is not an identity type: 'SystemAsigned' is not None, SystemAssigned or "
                   "UserAssigned [IDL001 identity-type-invalid]\n"
                   "  = help: write 'SystemAssigned'\n") != std::string::npos);
    CHECK(out.find("error: 'ManagedIdentity' is not an identity type: 'ManagedIdentity' is not None, SystemAssigned "
                   "or UserAssigned [IDL001 identity-type-invalid]\n"
                   "  = help: an identity type is None, SystemAssigned, UserAssigned, or SystemAssigned and "
                   "UserAssigned together, separated by a comma\n") != std::string::npos);
    CHECK(out.find("  = help: write 'SystemAssigned, UserAssigned'\n") != std::string::npos);
  }
}
