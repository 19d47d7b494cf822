// Twenty parameters of five allowed values each reach the identity: 5^20 combinations. Bindings
// stay capped (256 per resource), so this lints in milliseconds; the one wrong value of the first
// parameter is still found.
@allowed([
  'SystemAssigned'
  'UserAssigned'
  'None'
  'SystemAssigned,UserAssigned'
  'SystemAssigned, UserAssigned' // related: IDL007
])
param p0 string = 'SystemAssigned'

@allowed([
  'a1'
  'b1'
  'c1'
  'd1'
  'e1'
])
param p1 string = 'a1'

@allowed([
  'a2'
  'b2'
  'c2'
  'd2'
  'e2'
])
param p2 string = 'a2'

@allowed([
  'a3'
  'b3'
  'c3'
  'd3'
  'e3'
])
param p3 string = 'a3'

@allowed([
  'a4'
  'b4'
  'c4'
  'd4'
  'e4'
])
param p4 string = 'a4'

@allowed([
  'a5'
  'b5'
  'c5'
  'd5'
  'e5'
])
param p5 string = 'a5'

@allowed([
  'a6'
  'b6'
  'c6'
  'd6'
  'e6'
])
param p6 string = 'a6'

@allowed([
  'a7'
  'b7'
  'c7'
  'd7'
  'e7'
])
param p7 string = 'a7'

@allowed([
  'a8'
  'b8'
  'c8'
  'd8'
  'e8'
])
param p8 string = 'a8'

@allowed([
  'a9'
  'b9'
  'c9'
  'd9'
  'e9'
])
param p9 string = 'a9'

@allowed([
  'a10'
  'b10'
  'c10'
  'd10'
  'e10'
])
param p10 string = 'a10'

@allowed([
  'a11'
  'b11'
  'c11'
  'd11'
  'e11'
])
param p11 string = 'a11'

@allowed([
  'a12'
  'b12'
  'c12'
  'd12'
  'e12'
])
param p12 string = 'a12'

@allowed([
  'a13'
  'b13'
  'c13'
  'd13'
  'e13'
])
param p13 string = 'a13'

@allowed([
  'a14'
  'b14'
  'c14'
  'd14'
  'e14'
])
param p14 string = 'a14'

@allowed([
  'a15'
  'b15'
  'c15'
  'd15'
  'e15'
])
param p15 string = 'a15'

@allowed([
  'a16'
  'b16'
  'c16'
  'd16'
  'e16'
])
param p16 string = 'a16'

@allowed([
  'a17'
  'b17'
  'c17'
  'd17'
  'e17'
])
param p17 string = 'a17'

@allowed([
  'a18'
  'b18'
  'c18'
  'd18'
  'e18'
])
param p18 string = 'a18'

@allowed([
  'a19'
  'b19'
  'c19'
  'd19'
  'e19'
])
param p19 string = 'a19'

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-${p1}-${p2}-${p3}-${p4}-${p5}-${p6}-${p7}-${p8}-${p9}-${p10}-${p11}-${p12}-${p13}-${p14}-${p15}-${p16}-${p17}-${p18}-${p19}'
  location: 'westeurope'
  identity: {
    type: empty('${p1}${p2}${p3}${p4}${p5}${p6}${p7}${p8}${p9}${p10}${p11}${p12}${p13}${p14}${p15}${p16}${p17}${p18}${p19}') ? 'None' : p0 // expect: IDL007 "'SystemAssigned, UserAssigned'"
    userAssignedIdentities: contains(p0, 'UserAssigned') ? {
      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-${p1}')}': {}
    } : null
  }
  properties: {
    version: '16'
  }
}
