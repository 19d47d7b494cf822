param apimName string = 'apim-orders'

resource apimIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'uami-apim'
}

resource secretsIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'uami-secrets'
}

resource apim 'Microsoft.ApiManagement/service@2023-05-01-preview' = {
  name: apimName
  location: 'westeurope'
  sku: {
    name: 'Developer'
    capacity: 1
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${apimIdentity.id}': {}
    }
  }
  properties: {
    publisherEmail: 'platform@example.com'
    publisherName: 'Platform'
  }

  resource dbPassword 'namedValues@2023-05-01-preview' = {
    name: 'orders-db-password'
    properties: {
      displayName: 'orders-db-password'
      secret: true
      keyVault: {
        secretIdentifier: 'https://kv-orders.vault.azure.net/secrets/db-password'
        identityClientId: secretsIdentity.properties.clientId // expect: IDL014
      }
    }
  }
}

resource apiKey 'Microsoft.ApiManagement/service/namedValues@2023-05-01-preview' = {
  parent: apim
  name: 'orders-api-key'
  properties: {
    displayName: 'orders-api-key'
    secret: true
    keyVault: {
      secretIdentifier: 'https://kv-orders.vault.azure.net/secrets/api-key'
      identityClientId: secretsIdentity.properties.clientId // expect: IDL014
    }
  }
}

resource signingKey 'Microsoft.ApiManagement/service/namedValues@2023-05-01-preview' = {
  parent: apim
  name: 'orders-signing-key'
  properties: {
    displayName: 'orders-signing-key'
    secret: true
    keyVault: {
      secretIdentifier: 'https://kv-orders.vault.azure.net/secrets/signing-key'
      identityClientId: apimIdentity.properties.clientId
    }
  }
}

// A service deployed elsewhere: what identities it has is not known here.
resource elsewhere 'Microsoft.ApiManagement/service@2023-05-01-preview' existing = {
  name: 'apim-elsewhere'
}

resource elsewhereKey 'Microsoft.ApiManagement/service/namedValues@2023-05-01-preview' = {
  parent: elsewhere
  name: 'orders-api-key'
  properties: {
    displayName: 'orders-api-key'
    secret: true
    keyVault: {
      secretIdentifier: 'https://kv-orders.vault.azure.net/secrets/api-key'
      identityClientId: secretsIdentity.properties.clientId
    }
  }
}
