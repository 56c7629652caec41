package ai.switchboard.providers.azure;

/** Azure OpenAI on the v1 API (no api-version, bearer credential) against the whole contract kit. */
class AzureOpenAiV1ContractIT extends AzureOpenAiAdapterContractIT {

    @Override
    protected String apiStyle() {
        return "v1";
    }
}
