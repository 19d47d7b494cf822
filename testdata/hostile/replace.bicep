// Hostile input: each variable doubles a string with replace().
var v0 = 'aaaaaaaa'
var v1 = replace(v0, 'a', 'aa')
var v2 = replace(v1, 'a', 'aa')
var v3 = replace(v2, 'a', 'aa')
var v4 = replace(v3, 'a', 'aa')
var v5 = replace(v4, 'a', 'aa')
var v6 = replace(v5, 'a', 'aa')
var v7 = replace(v6, 'a', 'aa')
var v8 = replace(v7, 'a', 'aa')
var v9 = replace(v8, 'a', 'aa')
var v10 = replace(v9, 'a', 'aa')
var v11 = replace(v10, 'a', 'aa')
var v12 = replace(v11, 'a', 'aa')
var v13 = replace(v12, 'a', 'aa')
var v14 = replace(v13, 'a', 'aa')
var v15 = replace(v14, 'a', 'aa')
var v16 = replace(v15, 'a', 'aa')
var v17 = replace(v16, 'a', 'aa')
var v18 = replace(v17, 'a', 'aa')
var v19 = replace(v18, 'a', 'aa')
var v20 = replace(v19, 'a', 'aa')
var v21 = replace(v20, 'a', 'aa')
var v22 = replace(v21, 'a', 'aa')
var v23 = replace(v22, 'a', 'aa')
var v24 = replace(v23, 'a', 'aa')
var v25 = replace(v24, 'a', 'aa')
var v26 = replace(v25, 'a', 'aa')
var v27 = replace(v26, 'a', 'aa')
var v28 = replace(v27, 'a', 'aa')
var v29 = replace(v28, 'a', 'aa')
var v30 = replace(v29, 'a', 'aa')
var v31 = replace(v30, 'a', 'aa')
var v32 = replace(v31, 'a', 'aa')
var v33 = replace(v32, 'a', 'aa')
var v34 = replace(v33, 'a', 'aa')
var v35 = replace(v34, 'a', 'aa')
var v36 = replace(v35, 'a', 'aa')
var v37 = replace(v36, 'a', 'aa')
var v38 = replace(v37, 'a', 'aa')
var v39 = replace(v38, 'a', 'aa')
var v40 = replace(v39, 'a', 'aa')

resource pg 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-hostile'
  location: 'westeurope'
  identity: {
    type: length(v40) > 3 ? 'SystemAssigned' : 'None' // expect: IDL901 "value larger than 1 MiB"
  }
}
