// Helpers for the CMK rules (IDL010–IDL013).
#include "rules/cmk.h"

namespace idlint {

bool has_flexible_server_encryption(const ResourceCheck& r) {
  return r.is_postgresql_flexible_server() || r.is_mysql_flexible_server();
}

bool uses_customer_managed_key(ResourceCheck& r) {
  if (!has_flexible_server_encryption(r)) return false;
  const Val& type = r.property({"properties", "dataEncryption", "type"});
  return type.is_string() && equals_ignore_case(type.str, "AzureKeyVault");
}

Val with_cmk_condition(ResourceCheck& r, const Val& v) {
  Val out = v;
  merge_deps(out, r.property({"properties", "dataEncryption", "type"}));
  return out;
}

bool geo_redundant_backup_enabled(ResourceCheck& r) {
  const Val& geo = r.property({"properties", "backup", "geoRedundantBackup"});
  return geo.is_string() && equals_ignore_case(geo.str, "Enabled");
}

}  // namespace idlint
