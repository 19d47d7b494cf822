// A registry module read from the local module cache (the scenario's cache/ folder stands for
// ~/.bicep): its compiled main.json is evaluated under this call's arguments.
module pg 'br/public:avm/res/db-for-postgre-sql/flexible-server:0.4.0' = {
  name: 'pg-registry'
  params: {
    name: 'pg-registry'
    managedIdentityType: 'systemAssigned' // expect: IDL007 "(in module 'pg')"
  }
}

// Not in the cache: Unknown, so nothing is reported.
module missing 'br/public:avm/res/db-for-my-sql/flexible-server:0.1.0' = {
  name: 'mysql-registry'
  params: {
    name: 'mysql-registry'
    managedIdentityType: 'SystemAssigned, UserAssigned'
  }
}
