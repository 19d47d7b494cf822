using './app.bicep'

param keyUri = '<your-key-uri>'
