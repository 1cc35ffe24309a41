// Marks the page as one whose components GOV.UK Frontend and MOJ Frontend may enhance (what the GOV.UK template does with an
// inline script, which the pages' content security policy does not allow), then starts them. Every page works without it.
import { initAll as initGovukFrontend } from './govuk-frontend.min.js'
import { initAll as initMojFrontend } from './moj-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initGovukFrontend()
initMojFrontend()
