// IrpFlows in Azure: a .NET 10 isolated worker function app on the Flex Consumption plan (Linux) with Durable Functions,
// its storage (Functions host state, Durable's task hub, IRP tables, uploaded documents and the deployed package),
// monitoring, and a Key Vault for its secrets. The app reaches storage and the vault with its system-assigned managed
// identity: no key or connection string with a key is in any app setting, and the storage account refuses Shared Key
// altogether. Deploy into an existing resource group; see infra/README.md for the commands and the order of steps.

targetScope = 'resourceGroup'

@description('Azure region for every resource. Defaults to the resource group\'s region.')
param location string = resourceGroup().location

@description('Name of the function app; also the first label of its default hostname <name>.azurewebsites.net. Globally unique.')
@minLength(2)
@maxLength(60)
param functionAppName string = 'func-irpflows-${uniqueString(resourceGroup().id)}'

@description('Name of the storage account (3-24 lower-case letters and digits, globally unique).')
@minLength(3)
@maxLength(24)
param storageAccountName string = 'stirp${uniqueString(resourceGroup().id)}'

@description('Replication of the storage account that holds every IRP, its events and the establishments\' documents.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_RAGRS'
])
param storageSku string = 'Standard_ZRS'

@description('Name of the Key Vault that holds the app\'s secrets (3-24 letters, digits and dashes, globally unique).')
@minLength(3)
@maxLength(24)
param keyVaultName string = 'kv-irp-${uniqueString(resourceGroup().id)}'

@description('Days Log Analytics keeps the app\'s logs and requests.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 90

@description('Base URL the app puts in emails (upload links, status URLs), scheme and host only, e.g. https://irp.example.gov.uk. Empty: https://<functionAppName>.azurewebsites.net. Set it when a custom domain fronts the app; it is also allowed as a CORS origin for uploads.')
param publicBaseUrl string = ''

@description('Extra browser origins (scheme and host only, no path or trailing slash) allowed to PUT documents straight into blob storage with an upload SAS (for example a custom domain). The function app\'s own origin is always allowed.')
param extraUploadOrigins string[] = []

@secure()
@minLength(32)
@description('Key coordinators send as x-functions-key. Deployed as the Functions host key "coordinators", which the host checks on every function-level HTTP trigger, and kept in Key Vault (secret CoordinatorApiKey) for people to read. Generate it at deploy time, e.g. $(openssl rand -base64 48); a new value rotates it.')
param coordinatorApiKey string

@secure()
@minLength(32)
@description('HMAC key that signs upload links. Stored only in Key Vault (secret UploadTokenSigningKey). Changing it invalidates every upload link already sent.')
param uploadTokenSigningKey string

@description('Microsoft Entra object id or user principal name of the mailbox IRP emails are sent from (Graph users/{id}/sendMail).')
@minLength(1)
param graphSenderUserId string

@description('Microsoft Entra tenant of the sender mailbox. Defaults to the tenant of this deployment.')
param graphTenantId string = tenant().tenantId

@description('Client id of the identity that calls Graph. Empty (the default): the function app\'s system-assigned managed identity, which needs no client id and no secret.')
param graphClientId string = ''

@description('Display name on IRP emails.')
param mailSenderName string = 'HM Inspectorate of Prisons (IRP coordination)'

@description('From address on IRP emails; the mailbox of graphSenderUserId.')
@minLength(3)
param mailSenderAddress string

@description('Display name on probation inspection emails.')
param probationMailSenderName string = 'HM Inspectorate of Probation'

@description('From address on probation inspection emails. The mailbox of graphSenderUserId needs Send As on it in Exchange Online (infra/README.md, step 5).')
@minLength(3)
param probationMailSenderAddress string

@description('Mailbox of the team that runs IrpFlows, copied on every failure notice (a step whose attempts ran out, an inspection that cannot be planned). Empty (the default): only the coordinator or lead inspector is told.')
param operationsAddress string = ''

@description('Application (client) id of the Microsoft Entra ID app registration coordinators sign in to the pages with (infra/README.md, "Coordinator sign-in"). Its redirect URI is https://<hostname>/.auth/login/aad/callback, with ID tokens enabled.')
param entraClientId string

@description('Path (inside the deployed package) of a bank-holidays file that replaces the built-in England-and-Wales list. Empty: the built-in list.')
param bankHolidaysFile string = ''

@description('Object id of the user or service principal that deploys the app\'s code (README step 3, a zip deployment through the app\'s SCM site with Microsoft Entra ID): it gets Website Contributor on the function app only. Empty: whoever deploys needs that role (or Contributor) already.')
param deployerPrincipalId string = ''

@description('Durable Functions task hub: the prefix of its queues, tables and blob containers in the storage account (host.json reads it as %TaskHubName%). 3-45 letters and digits, starting with a letter. Change it only to ship an orchestrator that cannot replay the old histories, or with host.json\'s partitionCount: a hub keeps the partitions it was created with (infra/README.md, "Partitions"). The default is the third hub: the first, irpflows, had four partitions; the second, irpflows2, ran an orchestrator that called one activity per step. The hub is a cache of which orchestration waits for what; each IRP\'s log in the app\'s own table (Workflow__InstancesTable) is the truth. After a change the app starts in an empty hub and the minute sweep (or any command) starts each IRP\'s orchestration there from its log when its next step is due; nothing is lost, nothing is sent twice. Once every IRP with a step due has run in the new hub, the old hub\'s queues, tables and containers (prefix: the old name) can be deleted.')
@minLength(3)
@maxLength(45)
param taskHubName string = 'irpflows3'

@description('Most instances the app may scale out to (Flex Consumption accepts 40 to 1000). IRPs are low traffic; this is a ceiling on cost, not a target.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory of each instance, shared by the Functions host and the .NET worker (Flex Consumption sizes; 2048 is its default).')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Workflow and policy app settings (values are strings), named as in local.settings.sample.json. One left out takes the app\'s default, the guide\'s value; any other Workflow__ or Policy__ setting may be added.')
type tuning = {
  *: string
  Workflow__MaxStepAttempts: string?
  Workflow__FirstRetryInterval: string?
  Workflow__RetryBackoffCoefficient: string?
  Workflow__MaxRetryInterval: string?
  Policy__DocumentsDeadlineWorkingDaysBeforeVisit: string?
  Policy__DraftReportWorkingDaysAfterVisit: string?
  Policy__PublicationWorkingDaysAfterVisit: string?
  Policy__FactCheckWorkingDays: string?
}

@description('Workflow and policy settings. The defaults equal local.settings.sample.json; override a value here rather than in the portal so a redeployment keeps it.')
param tuningSettings tuning = {
  Workflow__MaxStepAttempts: '5'
  Workflow__FirstRetryInterval: '00:01:00'
  Workflow__RetryBackoffCoefficient: '5'
  Workflow__MaxRetryInterval: '02:00:00'
  Policy__DocumentsDeadlineWorkingDaysBeforeVisit: '5'
  Policy__DraftReportWorkingDaysAfterVisit: '10'
  Policy__PublicationWorkingDaysAfterVisit: '25'
  Policy__FactCheckWorkingDays: '10'
}

// The default hostname is known before the app exists, so storage CORS does not have to wait for the app.
var functionAppHostName = '${functionAppName}.azurewebsites.net'
var effectivePublicBaseUrl = empty(publicBaseUrl) ? 'https://${functionAppHostName}' : publicBaseUrl
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'
var websiteContributorRoleId = 'de139f84-1756-47ae-9be6-808fbbe84772'

// What the app's identity may do in its storage account (built-in roles, by id).
var appStorageRoles = [
  {
    name: 'Storage Blob Data Owner'
    id: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
    why: 'Functions host state (host keys, timer locks), Durable\'s partition leases and large messages, the app\'s documents and outbox, the deployment package, and user-delegation keys for upload SAS URLs'
  }
  {
    name: 'Storage Table Data Contributor'
    id: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
    why: 'the IRP tables (event logs, uploads, outbox index) and Durable\'s History and Instances tables'
  }
  {
    name: 'Storage Queue Data Contributor'
    id: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
    why: 'Durable\'s control and work-item queues'
  }
]

// The deployed package: Flex Consumption keeps it in this container (functionAppConfig.deployment) and runs from it.
var packageContainerName = 'app-package'
// Names derived from the app's: it may have 60 characters, a Log Analytics workspace 63 and a plan 60, so they are cut to fit.
var logAnalyticsName = take('log-${functionAppName}', 63)
var planName = take('plan-${functionAppName}', 60)

resource storage 'Microsoft.Storage/storageAccounts@2026-06-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: storageSku
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // Nothing uses the account key: the host, the app and the package download authenticate with the app's identity,
    // upload links are user-delegation SAS (signed with a key the identity obtains), and people use Microsoft Entra ID.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    accessTier: 'Hot'
  }
}

// The upload page PUTs each file straight to blob storage with a create-only user-delegation SAS; the browser's preflight
// needs these rules. Only this deployment sets them in Azure: Documents__ConfigureBlobCors=false (below) stops the app
// from replacing them with its own local (Azurite) rule at start-up.
resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2026-06-01' = {
  parent: storage
  name: 'default'
  properties: {
    cors: {
      corsRules: [
        {
          allowedOrigins: union([ 'https://${functionAppHostName}' ], empty(publicBaseUrl) ? [] : [ publicBaseUrl ], extraUploadOrigins)
          allowedMethods: [
            'PUT'
            'OPTIONS'
          ]
          allowedHeaders: [
            'x-ms-blob-type'
            'content-type'
            'x-ms-*'
          ]
          exposedHeaders: [
            'x-ms-*'
          ]
          maxAgeInSeconds: 3600
        }
      ]
    }
  }
}

resource packageContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-06-01' = {
  parent: blobService
  name: packageContainerName
  properties: {
    publicAccess: 'None'
  }
}

// The deployment container: a zip deployment (README step 3) hands the package to the app's SCM site, which stores it
// here with the app's identity; every instance then runs from it. Nobody needs to write to it directly.
var packageContainerUrl = '${storage.properties.primaryEndpoints.blob}${packageContainer.name}'

resource logs 'Microsoft.OperationalInsights/workspaces@2026-03-01' = {
  name: logAnalyticsName
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${functionAppName}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

// Flex Consumption (FC1): pay per execution and scale to zero, and the only serverless Linux plan that runs .NET 10
// isolated (Linux Consumption, Y1, takes no new language versions and retires in 2028); see README, "Why Flex Consumption".
resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true // Linux
  }
}

resource functionApp 'Microsoft.Web/sites@2025-03-01' = {
  name: functionAppName
  location: location
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    reserved: true
    httpsOnly: true
    siteConfig: {
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
    }
    // On Flex Consumption the runtime, the package and the scale live here, not in app settings: the platform rejects or
    // ignores FUNCTIONS_WORKER_RUNTIME, FUNCTIONS_EXTENSION_VERSION (always ~4 here) and WEBSITE_RUN_FROM_PACKAGE.
    functionAppConfig: {
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
      deployment: {
        storage: {
          type: 'blobContainer'
          value: packageContainerUrl
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
    }
  }
}

// Whoever deploys the code (a pipeline's principal, say) may publish to this app and change nothing else in the group.
resource deployerPublishes 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(deployerPrincipalId)) {
  name: guid(functionApp.id, deployerPrincipalId, websiteContributorRoleId)
  scope: functionApp
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', websiteContributorRoleId)
    principalId: deployerPrincipalId
    description: 'Deploys the IrpFlows package (infra/README.md step 3)'
  }
}

// No user name and password can publish or reach the SCM site: the package is deployed with Microsoft Entra ID (README
// step 3), and the portal and the CLI use Entra ID too.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: functionApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: functionApp
  name: 'scm'
  properties: {
    allow: false
  }
}

// The app's identity reaches its storage account with these roles (AzureWebJobsStorage__* settings below).
resource appUsesStorage 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in appStorageRoles: {
    name: guid(storage.id, functionApp.id, role.id)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.id)
      principalId: functionApp.identity.principalId
      principalType: 'ServicePrincipal'
      description: '${role.name}: ${role.why}'
    }
  }
]

resource keyVault 'Microsoft.KeyVault/vaults@2026-05-15' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

// The coordinators' key as people read it (README, step 4); the app does not read it: the host checks the key below.
resource coordinatorApiKeySecret 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: keyVault
  name: 'CoordinatorApiKey'
  properties: {
    value: coordinatorApiKey
  }
}

resource uploadTokenSigningKeySecret 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: keyVault
  name: 'UploadTokenSigningKey'
  properties: {
    value: uploadTokenSigningKey
  }
}

resource graphSenderUserIdSecret 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: keyVault
  name: 'Graph-SenderUserId'
  properties: {
    value: graphSenderUserId
  }
}

resource graphTenantIdSecret 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: keyVault
  name: 'Graph-TenantId'
  properties: {
    value: graphTenantId
  }
}

// Only for a user-assigned or app-registration identity; the default system-assigned identity needs no client id.
resource graphClientIdSecret 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = if (!empty(graphClientId)) {
  parent: keyVault
  name: 'Graph-ClientId'
  properties: {
    value: graphClientId
  }
}

// The app's identity reads secrets (and nothing else) to resolve the Key Vault references below.
resource appReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(keyVault.id, functionApp.id, keyVaultSecretsUserRoleId)
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

var baseSettings = {
  // No FUNCTIONS_WORKER_RUNTIME or FUNCTIONS_EXTENSION_VERSION: Flex Consumption takes both from functionAppConfig.runtime.
  // An identity-based connection, for the Functions host, Durable's task hub and the app alike: each service's endpoint
  // and the app's system-assigned identity (so no __clientId), with the roles of appUsesStorage. No AzureWebJobsStorage
  // setting and no key.
  AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
  AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
  AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
  AzureWebJobsStorage__credential: 'managedidentity'
  // host.json: "hubName": "%TaskHubName%".
  TaskHubName: taskHubName
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
  UploadTokenSigningKey: '@Microsoft.KeyVault(SecretUri=${uploadTokenSigningKeySecret.properties.secretUri})'
  Graph__SenderUserId: '@Microsoft.KeyVault(SecretUri=${graphSenderUserIdSecret.properties.secretUri})'
  Graph__TenantId: '@Microsoft.KeyVault(SecretUri=${graphTenantIdSecret.properties.secretUri})'
  Mail__SenderName: mailSenderName
  Mail__SenderAddress: mailSenderAddress
  ProbationMail__SenderName: probationMailSenderName
  ProbationMail__SenderAddress: probationMailSenderAddress
  PublicBaseUrl: effectivePublicBaseUrl
  // Never in Azure: /api/dev/clock answers 404 and the app runs on the system clock.
  DevClockEnabled: 'false'
  // The blob service's CORS rules are this deployment's (blobService above); the app sets its own only on Azurite.
  Documents__ConfigureBlobCors: 'false'
}

// Built from the vault URI (ends in '/') rather than from the conditional secret, so nothing reads a resource that may not exist.
var graphClientIdSetting = empty(graphClientId) ? {} : {
  Graph__ClientId: '@Microsoft.KeyVault(SecretUri=${keyVault.properties.vaultUri}secrets/Graph-ClientId)'
}

var bankHolidaysSetting = empty(bankHolidaysFile) ? {} : {
  BankHolidaysFile: bankHolidaysFile
}

var operationsSetting = empty(operationsAddress) ? {} : {
  Operations__Address: operationsAddress
}

// A separate resource so the settings are written (and the app restarted) only once the identity can read the vault and
// reach storage. It replaces every app setting: one set anywhere else (the portal, a tool) is gone after the next
// deployment, so every setting the app needs in Azure is declared here.
resource appSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: union(baseSettings, graphClientIdSetting, bankHolidaysSetting, operationsSetting, tuningSettings)
  dependsOn: [
    appReadsSecrets
    appUsesStorage
    graphClientIdSecret
  ]
}

// App Service Authentication signs coordinators in to the pages with Microsoft Entra ID and passes who they are to the
// app in X-MS-CLIENT-PRINCIPAL headers, which it strips from what visitors send; with it on, the platform sets
// WEBSITE_AUTH_ENABLED, which is what makes the app trust those headers. Excluded: the key-protected API and health
// (/api), the establishment's and ministers' pages, whose emailed tokens are their authority, and the calendar feed,
// which calendar clients fetch with its token. The pages check the person themselves too, so a path left out here
// shows no data.
resource coordinatorSignIn 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: functionApp
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'RedirectToLoginPage'
      redirectToProvider: 'azureactivedirectory'
      excludedPaths: [
        '/api/*'
        '/upload/*'
        '/fact-check/*'
        '/final-report/*'
        '/feedback/*'
        '/calendar.ics'
      ]
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: entraClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [
            entraClientId
          ]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
    httpSettings: {
      requireHttps: true
    }
  }
}

// The Functions host checks every function-level HTTP trigger (the coordinators' API) against its keys before the worker
// sees the request: this host-level function key, valid for every function of the app, is the coordinators' key. The
// host keeps it in the azure-webjobs-secrets container with the app's identity, so it is written once the identity can
// reach storage. Anonymous functions (health, OpenAPI, the establishment's pages and upload protocol) need no key.
// Bicep has no type definitions for host keys (https://github.com/Azure/bicep/issues/9355): ARM accepts the PUT, but the
// compiler cannot check its properties and warns BCP081. Its shape is the host-key API's { name, value }.
#disable-next-line BCP081
resource coordinatorsKey 'Microsoft.Web/sites/host/functionKeys@2025-03-01' = {
  name: '${functionApp.name}/default/coordinators'
  properties: {
    name: 'coordinators'
    value: coordinatorApiKey
  }
  dependsOn: [
    appSettings
  ]
}

@description('Default hostname of the function app; the API is at https://<hostname>/api/…')
output functionAppHostName string = functionApp.properties.defaultHostName

@description('Name of the function app, for az functionapp commands.')
output functionAppName string = functionApp.name

@description('Name of the storage account: host state, IRP tables, documents and the package.')
output storageAccountName string = storage.name

@description('The container Flex Consumption keeps the deployed package in (written by zip deployment, README step 3).')
output packageContainerUrl string = packageContainerUrl

@description('Name of the Key Vault holding the app\'s secrets.')
output keyVaultName string = keyVault.name

@description('Object id of the app\'s system-assigned identity: grant it Graph Mail.Send (README).')
output functionAppPrincipalId string = functionApp.identity.principalId
