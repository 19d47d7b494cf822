// A file for the ts-bicep-dump test (tests/oracle/oracle.cmake); it starts with a byte order mark.
@description('the server')
resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg'
  identity: {
    type: 'SystemAssigned'
  }
  resource admin 'administrators@2024-08-01' = {
    name: 'a'
  }
}
