// Hostile input: each variable doubles an array with concat().
var v0 = ['a', 'b', 'c']
var v1 = concat(v0, v0)
var v2 = concat(v1, v1)
var v3 = concat(v2, v2)
var v4 = concat(v3, v3)
var v5 = concat(v4, v4)
var v6 = concat(v5, v5)
var v7 = concat(v6, v6)
var v8 = concat(v7, v7)
var v9 = concat(v8, v8)
var v10 = concat(v9, v9)
var v11 = concat(v10, v10)
var v12 = concat(v11, v11)
var v13 = concat(v12, v12)
var v14 = concat(v13, v13)
var v15 = concat(v14, v14)
var v16 = concat(v15, v15)
var v17 = concat(v16, v16)
var v18 = concat(v17, v17)
var v19 = concat(v18, v18)
var v20 = concat(v19, v19)
var v21 = concat(v20, v20)
var v22 = concat(v21, v21)
var v23 = concat(v22, v22)
var v24 = concat(v23, v23)
var v25 = concat(v24, v24)
var v26 = concat(v25, v25)
var v27 = concat(v26, v26)
var v28 = concat(v27, v27)
var v29 = concat(v28, v28)
var v30 = concat(v29, v29)
var v31 = concat(v30, v30)
var v32 = concat(v31, v31)
var v33 = concat(v32, v32)
var v34 = concat(v33, v33)
var v35 = concat(v34, v34)
var v36 = concat(v35, v35)
var v37 = concat(v36, v36)
var v38 = concat(v37, v37)
var v39 = concat(v38, v38)
var v40 = concat(v39, v39)

resource pg 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-hostile'
  location: 'westeurope'
  identity: {
    type: length(v40) > 3 ? 'SystemAssigned' : 'None' // expect: IDL901 "value larger than 1 MiB"
  }
}
