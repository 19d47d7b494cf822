// A resource body that carries a `metadata` property, as the ARM twin does.
param location string = resourceGroup().location

@secure()
param administratorLoginPassword string

resource archiveServer 'Microsoft.DBforMySQL/flexibleServers@2023-12-30' = {
  name: 'mysql-archive-weu'
  location: location
  metadata: {
    idlint: {
      suppress: {
        IDL001: 'the archive server is redeployed from scratch every quarter'
        'user-identities-missing': 'identities are attached by the platform team\'s policy'
      }
    }
  }
  sku: {
    name: 'Standard_B1ms'
    tier: 'Burstable'
  }
  identity: {
    type: 'SystemAssigned, UserAssigned' // expect: IDL001 (suppressed "redeployed"), IDL002 (suppressed "policy")
  }
  properties: {
    version: '8.0.21'
    administratorLogin: 'mysqladmin'
    administratorLoginPassword: administratorLoginPassword
  }
}
