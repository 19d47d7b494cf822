// Shared reading of a flexible server's customer-managed-key settings for the CMK rules.
#pragma once
#include "rules/check.h"

namespace idlint {

// True when properties.dataEncryption.type is 'AzureKeyVault' under this binding.
bool uses_customer_managed_key(ResourceCheck& r);
// PostgreSQL or MySQL flexible server: the types whose dataEncryption these rules know.
bool has_flexible_server_encryption(const ResourceCheck& r);
// v, depending also on what chose 'AzureKeyVault', so a finding names that binding too.
Val with_cmk_condition(ResourceCheck& r, const Val& v);
// properties.backup.geoRedundantBackup is 'Enabled'.
bool geo_redundant_backup_enabled(ResourceCheck& r);

}  // namespace idlint
