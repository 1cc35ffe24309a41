namespace IrpFlows.Calendar;

/// <summary>England or Wales: a Welsh prison's education is Estyn's, not Ofsted's (prison guide 5.3); later publication in probation.</summary>
public enum Nation { England, Wales }
